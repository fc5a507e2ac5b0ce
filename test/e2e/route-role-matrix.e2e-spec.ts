import type { ExecutionContext, INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import request from 'supertest';
import { AuthGuard } from '../../src/auth/auth.guard';
import { CredentialsService } from '../../src/auth/credentials/credentials.service';
import { UnauthenticatedThrottle } from '../../src/auth/unauthenticated-throttle';
import { isPermission, isPermitted, roles } from '../../src/auth/domain/permission-matrix';
import type { Role } from '../../src/auth/domain/permission-matrix';
import { fillPath, routesOf } from '../support/routes';
import type { Route } from '../support/routes';
import { bearer, ManualClock, startTestApp } from '../support/test-app';
import type { TestPrincipal } from '../support/test-app';

/** Values for path parameters and query strings that put the object inside each scoped role's reach. */
const pathValues = { employeeId: 'E-1', deductionId: 'D-1', ticketId: 'T-1', complaintId: 'C-1', subjectId: 'C-1', credentialId: 'cred-000000000000', obligationId: 'TO-1', period: '2026-03', consequenceId: 'PC-1' };
const queries: Record<string, string> = { '/scores': '?month=2026-03&department=cs', '/overdue': '?department=cs' };

const inScope: Record<Role, TestPrincipal> = {
  admin: { id: 'admin-1', roles: ['admin'] },
  clerk: { id: 'clerk-1', roles: ['clerk'] },
  supervisor: { id: 'supervisor-1', roles: ['supervisor'], departments: ['cs'] },
  'panel-member': { id: 'panel-1', roles: ['panel-member'], employeeId: 'P-1' },
  auditor: { id: 'auditor-1', roles: ['auditor'] },
  analyst: { id: 'analyst-1', roles: ['analyst'] },
  employee: { id: 'E-1', roles: ['employee'], employeeId: 'E-1' },
};
const everyRole: TestPrincipal = { id: 'all-roles', roles: [...roles], departments: ['cs'], employeeId: 'P-1' };

/**
 * Every route the app serves × every role, plus no token, a malformed, a revoked and an expired
 * one: each answer is checked against the permission matrix. Bodies are empty, so a permitted
 * command stops at validation (400) and nothing is appended; the guard's answer comes first.
 */
describe('every route × every role, against the permission matrix', () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let routes: Route[];
  const tokens = {} as Record<Role | 'revoked' | 'expired', string>;

  beforeAll(async () => {
    let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
    let adminToken: string;
    ({ app, tokenFor, adminToken } = await startTestApp(clock));
    http = request(app.getHttpServer());
    routes = routesOf(app);
    for (const role of roles) tokens[role] = await tokenFor(inScope[role]);
    await http.post('/employees').set(bearer(adminToken)).send({ employeeId: 'E-1', name: 'Li Ming', department: 'cs', position: 'steward' }).expect(201);
    const allRoles = { roles: everyRole.roles, departments: everyRole.departments, employeeId: everyRole.employeeId };
    const revoked = await http.post('/credentials').set(bearer(adminToken)).send({ principalId: 'gone', ...allRoles }).expect(201);
    await http.delete(`/credentials/${revoked.body.credentialId}`).set(bearer(adminToken)).expect(204);
    tokens.revoked = revoked.body.token;
    const expiring = await http.post('/credentials').set(bearer(adminToken)).send({ principalId: 'expiring', ...allRoles, expiresAt: '2026-03-31T05:00:00Z' });
    expect(expiring.status).toBe(201);
    tokens.expired = expiring.body.token;
    expect((await http.get('/access-log').set(bearer(tokens.expired))).status).not.toBe(401);
    clock.set('2026-03-31T05:00:00.000Z');
  });
  afterAll(() => app.close());

  const call = (route: Route, headers: Record<string, string> = {}) => {
    const url = fillPath(route.path, pathValues) + (queries[route.path] ?? '');
    const req = http[route.method.toLowerCase() as 'get' | 'post' | 'delete'](url).set(headers);
    return route.method === 'POST' ? req.send({}) : req;
  };

  it('finds the routes, and every one is public or declares permissions the matrix knows', () => {
    expect(routes.length).toBeGreaterThanOrEqual(19);
    const undeclared = routes.filter((r) => !r.isPublic && (r.permissions.length === 0 || !r.permissions.every(isPermission)));
    expect(undeclared.map((r) => `${r.method} ${r.path} [${r.permissions.join(', ')}]`)).toEqual([]);
  });

  it('answers every caller as the matrix says', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const callers: [string, Record<string, string>, 'allowed' | 401 | 403][] = [
        ['no token', {}, route.isPublic ? 'allowed' : 401],
        ['malformed token', { Authorization: 'Bearer not-a-token' }, route.isPublic ? 'allowed' : 401],
        ['basic auth', { Authorization: 'Basic YWRtaW46YWRtaW4=' }, route.isPublic ? 'allowed' : 401],
        ['revoked token', bearer(tokens.revoked), route.isPublic ? 'allowed' : 401],
        ['expired token', bearer(tokens.expired), route.isPublic ? 'allowed' : 401],
        ...roles.map((role): [string, Record<string, string>, 'allowed' | 403] => [
          role,
          bearer(tokens[role]),
          route.isPublic || isPermitted([role], route.permissions) ? 'allowed' : 403,
        ]),
      ];
      for (const [caller, headers, expected] of callers) {
        const { status } = await call(route, headers);
        const ok = expected === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === expected;
        if (!ok) mismatches.push(`${route.method} ${route.path} as ${caller}: expected ${expected}, got ${status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a route that declares no permissions, even to a principal with every role', async () => {
    const guard = new AuthGuard(app.get(Reflector), app.get(CredentialsService), app.get(UnauthenticatedThrottle));
    class UndeclaredController {
      handler() {}
    }
    const request = { headers: { authorization: `Bearer ${tokens.auditor}` } };
    const context = {
      getHandler: () => UndeclaredController.prototype.handler,
      getClass: () => UndeclaredController,
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ setHeader: () => undefined }) }),
    } as unknown as ExecutionContext;
    await expect(guard.canActivate(context)).rejects.toMatchObject({ response: { code: 'permissions_not_declared' } });
  });
});
