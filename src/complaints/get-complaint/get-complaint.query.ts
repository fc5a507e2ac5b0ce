export class GetComplaintQuery {
  constructor(
    readonly complaintId: string,
    /** Whether the reader may see the complainant's personal data (otherwise `[withheld]`). */
    readonly showComplainant: boolean,
  ) {}
}
