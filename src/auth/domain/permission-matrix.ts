/**
 * Who may do what: the one permission matrix. The table in docs/security.md is checked against it
 * (permission-matrix.spec.ts), and the route × role end-to-end test derives its expectations from it.
 *
 * A grant has a scope, checked where an id comes from the caller:
 * - `all`: any object;
 * - `department`: employees of the principal's departments (supervisors);
 * - `self`: the principal's own employee record or deductions (employees);
 * - `panel`: hearings whose panel lists the principal's employee id (panel members).
 */
export const roles = ['admin', 'clerk', 'supervisor', 'panel-member', 'auditor', 'analyst', 'employee'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'credentials:manage',
  'employees:register',
  'employees:read',
  'rulebooks:read',
  'periods:read',
  'talks:read',
  'complainants:erase',
  'complaints:receive',
  'complaints:read',
  'complainants:read',
  'complaints:assign',
  'complaints:resolve',
  'complaints:callback',
  'complaints:verdict',
  'tickets:dispatch',
  'tickets:acknowledge',
  'tickets:arrive',
  'tickets:resolve',
  'tickets:close',
  'tickets:reassign',
  'tickets:pause',
  'tickets:cancel',
  'talks:record',
  'service-levels:read',
  'service-levels:manage',
  'calendars:manage',
  'rulebooks:publish',
  'bonuses:award',
  'ratings:record',
  'surveys:record',
  'periods:open',
  'periods:close',
  'deductions:apply',
  'deductions:contest',
  'hearings:record',
  'scores:read',
  'rankings:read',
  'overdue:read',
  'audit-trail:read',
  'records:replay',
  'records:prove',
  'integrity:read',
  'integrity:sign',
  'access-log:read',
  'parked-consequences:read',
  'parked-consequences:retry',
  'parked-events:read',
] as const;
export type Permission = (typeof permissions)[number];

export type Scope = 'all' | 'department' | 'self' | 'panel';

export const permissionMatrix: Record<Role, Partial<Record<Permission, Scope>>> = {
  admin: {
    'credentials:manage': 'all',
    'employees:register': 'all',
    'employees:read': 'all',
    'rulebooks:read': 'all',
    'periods:read': 'all',
    'complainants:erase': 'all',
    'service-levels:read': 'all',
    'service-levels:manage': 'all',
    'calendars:manage': 'all',
    'rulebooks:publish': 'all',
    'parked-consequences:retry': 'all',
    'parked-events:read': 'all',
    'integrity:read': 'all',
    'integrity:sign': 'all',
  },
  clerk: {
    'employees:read': 'all',
    'rulebooks:read': 'all',
    'complaints:receive': 'all',
    'complaints:read': 'all',
    'complainants:read': 'all',
    'complaints:assign': 'all',
    'complaints:resolve': 'all',
    'complaints:callback': 'all',
    'tickets:dispatch': 'all',
    'tickets:acknowledge': 'all',
    'tickets:arrive': 'all',
    'tickets:resolve': 'all',
    'tickets:close': 'all',
    'tickets:reassign': 'all',
    'tickets:pause': 'all',
    'tickets:cancel': 'all',
    'service-levels:read': 'all',
    'overdue:read': 'all',
  },
  supervisor: {
    'employees:read': 'department',
    'rulebooks:read': 'all',
    'periods:read': 'all',
    'talks:read': 'department',
    'deductions:apply': 'department',
    'bonuses:award': 'department',
    'ratings:record': 'department',
    'surveys:record': 'department',
    'periods:open': 'all',
    'periods:close': 'all',
    'complaints:verdict': 'all',
    'talks:record': 'all',
    'service-levels:read': 'all',
    'scores:read': 'department',
    'rankings:read': 'department',
    'overdue:read': 'department',
    'audit-trail:read': 'department',
    'records:replay': 'department',
    'parked-consequences:read': 'all',
    'parked-consequences:retry': 'all',
  },
  'panel-member': { 'hearings:record': 'panel', 'rulebooks:read': 'all' },
  auditor: {
    'employees:read': 'all',
    'rulebooks:read': 'all',
    'periods:read': 'all',
    'talks:read': 'all',
    'complaints:read': 'all',
    'complainants:read': 'all',
    'scores:read': 'all',
    'rankings:read': 'all',
    'overdue:read': 'all',
    'audit-trail:read': 'all',
    'records:replay': 'all',
    'records:prove': 'all',
    'integrity:read': 'all',
    'integrity:sign': 'all',
    'access-log:read': 'all',
    'service-levels:read': 'all',
    'parked-consequences:read': 'all',
    'parked-events:read': 'all',
  },
  analyst: {
    'employees:read': 'all',
    'rulebooks:read': 'all',
    'periods:read': 'all',
    'talks:read': 'all',
    'complaints:read': 'all',
    'scores:read': 'all',
    'rankings:read': 'all',
    'overdue:read': 'all',
    'audit-trail:read': 'all',
  },
  employee: { 'employees:read': 'self', 'rulebooks:read': 'all', 'scores:read': 'self', 'audit-trail:read': 'self', 'records:replay': 'self', 'deductions:contest': 'self' },
};

export interface Grant {
  role: Role;
  scope: Scope;
}

/** The principal's roles that grant the permission, with their scopes. */
export function grantsOf(principalRoles: readonly Role[], permission: string): Grant[] {
  return principalRoles.flatMap((role) => {
    const scope = permissionMatrix[role]?.[permission as Permission];
    return scope ? [{ role, scope }] : [];
  });
}

/** Whether some role of the principal grants every required permission (at some scope). */
export function isPermitted(principalRoles: readonly Role[], required: readonly string[]): boolean {
  return required.length > 0 && required.every((permission) => grantsOf(principalRoles, permission).length > 0);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value);
}
