import { decideAccess } from './object-access';
import type { Principal } from './principal';

const supervisor: Principal = { id: 'sup-1', roles: ['supervisor'], departments: ['repairs'] };
const employee: Principal = { id: 'E-1', roles: ['employee'], departments: [], employeeId: 'E-1' };
const panelist: Principal = { id: 'panel-1', roles: ['panel-member'], departments: [], employeeId: 'P-1' };
const auditor: Principal = { id: 'aud-1', roles: ['auditor'], departments: [] };

describe('object-level access', () => {
  it('lets an employee read only their own scores, and hides the others (not found)', () => {
    expect(decideAccess(employee, 'scores:read', { employeeId: 'E-1' })).toEqual({ allowed: true, grant: { role: 'employee', scope: 'self' } });
    expect(decideAccess(employee, 'scores:read', { employeeId: 'E-2' })).toEqual({ allowed: false, refusal: 'not_found' });
  });
  it('lets a supervisor reach their own departments only (forbidden elsewhere, or when no department is named)', () => {
    expect(decideAccess(supervisor, 'deductions:apply', { employeeId: 'E-9', department: 'repairs' }).allowed).toBe(true);
    expect(decideAccess(supervisor, 'deductions:apply', { employeeId: 'E-1', department: 'cleaning' })).toEqual({ allowed: false, refusal: 'forbidden' });
    expect(decideAccess(supervisor, 'rankings:read', {})).toEqual({ allowed: false, refusal: 'forbidden' });
  });
  it('lets a panel member record only a hearing whose panel lists them', () => {
    expect(decideAccess(panelist, 'hearings:record', { panel: ['P-1', 'P-2'] }).allowed).toBe(true);
    expect(decideAccess(panelist, 'hearings:record', { panel: ['P-2', 'P-3'] })).toEqual({ allowed: false, refusal: 'forbidden' });
  });
  it('lets an unscoped role reach everything, and a role without the permission nothing', () => {
    expect(decideAccess(auditor, 'records:replay', { employeeId: 'E-1', department: 'x' }).allowed).toBe(true);
    expect(decideAccess(auditor, 'deductions:apply', { employeeId: 'E-1', department: 'x' })).toEqual({ allowed: false, refusal: 'forbidden' });
  });
  it('lets a principal with two roles use whichever reaches the object', () => {
    const both: Principal = { ...supervisor, roles: ['supervisor', 'employee'], employeeId: 'E-5' };
    expect(decideAccess(both, 'scores:read', { employeeId: 'E-5', department: 'cleaning' })).toEqual({ allowed: true, grant: { role: 'employee', scope: 'self' } });
  });
});
