/** The subject under which every fact of an assessment period is indexed: a close reads the period's facts, not the log. */
export function periodSubject(period: string): string {
  return `period:${period}`;
}

/** The subject of every employee registration: who is on the staff, without reading the log. */
export const STAFF_SUBJECT = 'staff:company';
