import { deciderSpecification } from '../../shared/testing/decider-specification';
import { employeeDecider } from './employee.decider';
import type { EmployeeRegistered } from './employee.events';
import { refuseEmployee } from './employee.errors';

const spec = deciderSpecification(employeeDecider, refuseEmployee);
const data = { employeeId: 'E-1', name: 'Li Ming', department: 'customer-service', position: 'property-steward' };
const now = '2026-01-01T00:00:00.000Z';
const registered: EmployeeRegistered = { type: 'EmployeeRegistered', data: { ...data, registeredAt: now } };

describe('registering an employee', () => {
  it('records the registration, at the time it is recorded', () => {
    spec.given([]).when({ type: 'RegisterEmployee', data, now }).then([registered]);
  });
  it('records nothing new when repeated with the same details, later', () => {
    spec.given([registered]).when({ type: 'RegisterEmployee', data, now: '2026-02-01T00:00:00.000Z' }).then([]);
  });
  it('is refused when the id is taken by other details', () => {
    spec.given([registered]).when({ type: 'RegisterEmployee', data: { ...data, department: 'repairs' }, now }).thenThrows('employee_already_registered');
  });
});
