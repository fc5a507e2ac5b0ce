import { grantsOf } from './permission-matrix';
import type { Grant, Permission } from './permission-matrix';
import type { Principal } from './principal';

/** What a caller-supplied id points at, as far as the access decision needs it. */
export interface AccessTarget {
  /** The employee the object belongs to (a record, a deduction). */
  employeeId?: string;
  /** That employee's department, or for a department-wide read the department asked for. */
  department?: string;
  /** For a hearing: the employee ids on its panel. */
  panel?: readonly string[];
}

/**
 * `not_found` where the principal may not even learn the object exists (an employee asking for
 * someone else's record), `forbidden` where their role plainly reaches only part of the data.
 */
export type AccessDecision = { allowed: true; grant: Grant } | { allowed: false; refusal: 'not_found' | 'forbidden' };

export function decideAccess(principal: Principal, permission: Permission, target: AccessTarget): AccessDecision {
  const grants = grantsOf(principal.roles, permission);
  const grant = grants.find((g) => reaches(principal, g, target));
  if (grant) return { allowed: true, grant };
  const onlySelf = grants.length > 0 && grants.every((g) => g.scope === 'self');
  return { allowed: false, refusal: onlySelf ? 'not_found' : 'forbidden' };
}

function reaches(principal: Principal, { scope }: Grant, target: AccessTarget): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'department':
      return target.department !== undefined && principal.departments.includes(target.department);
    case 'self':
      return principal.employeeId !== undefined && target.employeeId === principal.employeeId;
    case 'panel':
      return principal.employeeId !== undefined && (target.panel ?? []).includes(principal.employeeId);
    default: {
      const unknown: never = scope;
      return unknown;
    }
  }
}
