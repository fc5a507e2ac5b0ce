export class ReplayEmployeeRecordQuery {
  constructor(
    readonly employeeId: string,
    /** Replay the record as the store held it at this instant; undefined: now. */
    readonly asOf: string | undefined,
    /** Whether the reader may see complainants' personal data (otherwise `[withheld]`). */
    readonly showComplainants: boolean,
  ) {}
}
