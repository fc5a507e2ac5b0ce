export class GetDepartmentSummariesQuery {
  constructor(
    readonly period: string,
    readonly threshold: number,
  ) {}
}
