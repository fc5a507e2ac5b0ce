export class ListPeriodScoresQuery {
  constructor(
    readonly period: string,
    readonly filters: { department?: string; position?: string; grade?: string },
    readonly sort: 'rank' | 'bottom' | 'employeeId',
    readonly limit: number,
    readonly offset: number,
  ) {}
}
