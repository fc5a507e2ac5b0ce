/** The subject under which every fact of an assessment period is indexed: a close reads the period's facts, not the log. */
export function periodSubject(period: string): string {
  return `period:${period}`;
}

/** The subject of every employee registration: who is on the staff, without reading the log. */
export const STAFF_SUBJECT = 'staff:company';

const EMPLOYEE_SUBJECT = 'employee:';

/** The subject of every fact about one employee: their record is replayed from it. */
export function employeeSubject(employeeId: string): string {
  return `${EMPLOYEE_SUBJECT}${employeeId}`;
}

/** The employee a subject names, or undefined when it names something else (or no one). */
export function employeeOfSubject(subject: string): string | undefined {
  return subject.startsWith(EMPLOYEE_SUBJECT) && subject.length > EMPLOYEE_SUBJECT.length ? subject.slice(EMPLOYEE_SUBJECT.length) : undefined;
}
