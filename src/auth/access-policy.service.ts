import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '../shared/domain/domain-error';
import { EVENT_STORE } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import { loadEmployee } from '../employees/load-employee';
import { grantsOf } from './domain/permission-matrix';
import type { Permission } from './domain/permission-matrix';
import { decideAccess } from './domain/object-access';
import type { AccessDecision, AccessTarget } from './domain/object-access';
import type { Principal } from './domain/principal';
import { AccessLogService } from './access-log/access-log.service';

type EmployeeRead = Extract<Permission, 'scores:read' | 'audit-trail:read' | 'records:replay' | 'records:prove' | 'employees:read'>;

/** Object-level checks where an id comes from the caller; the guard has checked the route. */
@Injectable()
export class AccessPolicy {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly accessLog: AccessLogService,
  ) {}

  /** A read of one employee's scores, audit trail or record: checked, then written to the access log. */
  async readEmployee(principal: Principal, permission: EmployeeRead, employeeId: string): Promise<void> {
    const decision = decideAccess(principal, permission, await this.employeeTarget(principal, permission, employeeId));
    await this.accessLog.record(principal, permission, employeeId, decision.allowed ? decision.grant.role : null);
    refuseUnless(decision, employeeId);
  }

  /** An unregistered employee passes: the decider answers that with 422 employee_not_registered. */
  async applyToEmployee(principal: Principal, permission: 'deductions:apply' | 'bonuses:award' | 'ratings:record' | 'surveys:record', employeeId: string): Promise<void> {
    const target = await this.employeeTarget(principal, permission, employeeId);
    if (target.registered === false) return;
    refuseUnless(decideAccess(principal, permission, target), employeeId);
  }

  /**
   * A verdict costs each employee it upholds against points, so it may name only employees the
   * caller could deduct from (a supervisor: their departments). Checked before anything is appended.
   */
  async upholdAgainst(principal: Principal, employeeIds: readonly string[]): Promise<void> {
    for (const employeeId of employeeIds) {
      const target = await this.employeeTarget(principal, 'deductions:apply', employeeId);
      if (target.registered === false) continue;
      if (!decideAccess(principal, 'deductions:apply', target).allowed) {
        throw new ForbiddenException({ statusCode: 403, code: 'forbidden', message: `your roles do not reach employee ${employeeId}: a verdict may name only employees you may deduct from`, path: 'employeeIds' });
      }
    }
  }

  /**
   * An employee contests only their own deductions; others' are as if they did not exist. The
   * caller names whose the deduction is (`undefined` when it is unknown), so auth knows no feature.
   */
  contestDeduction(principal: Principal, deductionId: string, ownerEmployeeId: string | undefined): void {
    const decision = decideAccess(principal, 'deductions:contest', { employeeId: ownerEmployeeId });
    if (!decision.allowed) throw new NotFoundError('deduction', deductionId);
  }

  /** A panel member records only a hearing whose panel lists them. */
  recordHearing(principal: Principal, panel: readonly string[]): void {
    refuseUnless(decideAccess(principal, 'hearings:record', { panel }), undefined);
  }

  /** A department-wide read (rankings, overdue, the directory, talks): a supervisor names one of their departments. */
  readDepartment(principal: Principal, permission: 'rankings:read' | 'overdue:read' | 'employees:read' | 'talks:read', department: string | undefined): void {
    refuseUnless(decideAccess(principal, permission, { department }), undefined);
  }

  /** The employee's department is read from the store only when a department-scoped grant needs it. */
  private async employeeTarget(principal: Principal, permission: Permission, employeeId: string): Promise<AccessTarget & { registered?: boolean }> {
    const grants = grantsOf(principal.roles, permission);
    if (grants.some((g) => g.scope === 'all') || !grants.some((g) => g.scope === 'department')) return { employeeId };
    const employee = await loadEmployee(this.store, employeeId);
    if (employee.status !== 'registered') return { employeeId, registered: false };
    return { employeeId, department: employee.department, registered: true };
  }
}

function refuseUnless(decision: AccessDecision, employeeId: string | undefined): void {
  if (decision.allowed) return;
  if (decision.refusal === 'not_found' && employeeId !== undefined) throw new NotFoundError('employee', employeeId);
  throw new ForbiddenException({ statusCode: 403, code: 'forbidden', message: 'your roles do not reach this object (another department, another hearing)' });
}
