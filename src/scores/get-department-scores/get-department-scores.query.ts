export class GetDepartmentScoresQuery {
  constructor(
    readonly month: string,
    readonly department: string | undefined,
    readonly limit: number,
    readonly offset: number,
  ) {}
}
