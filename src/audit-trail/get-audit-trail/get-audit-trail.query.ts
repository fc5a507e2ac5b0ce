export class GetAuditTrailQuery {
  constructor(
    readonly employeeId: string,
    readonly afterPosition: number,
    readonly limit: number,
  ) {}
}
