export class GetEmployeeScoresQuery {
  constructor(
    readonly employeeId: string,
    readonly from: string,
    readonly to: string,
  ) {}
}
