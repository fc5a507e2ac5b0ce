export class GetEmployeePeriodScoresQuery {
  constructor(
    readonly employeeId: string,
    readonly period: string | undefined,
  ) {}
}
