export class GetOverdueTicketsQuery {
  constructor(
    readonly asOf: string,
    readonly filter: { department?: string; assigneeId?: string },
    readonly limit: number,
    readonly offset: number,
  ) {}
}
