import { employeeOfSubject, employeeSubject } from './subjects';

describe('employee subjects', () => {
  it('names the employee a subject was made for, colons in the id included', () => {
    for (const id of ['E-1', 'E:2:x', ' ']) expect(employeeOfSubject(employeeSubject(id))).toBe(id);
  });

  it('names no one for another kind of subject or an empty employee id', () => {
    for (const subject of ['ticket:T-1', 'period:2026-03', 'staff:company', 'employee:', 'employees:E-1', 'Employee:E-1']) expect(employeeOfSubject(subject)).toBeUndefined();
  });
});
