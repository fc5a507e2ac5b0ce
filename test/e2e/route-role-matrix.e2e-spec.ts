import type { ExecutionContext, INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import * as fs from 'node:fs';
import request from 'supertest';
import { AuthGuard } from '../../src/auth/auth.guard';
import { CredentialsService } from '../../src/auth/credentials/credentials.service';
import { UnauthenticatedThrottle } from '../../src/auth/unauthenticated-throttle';
import { permissionMatrix, roles } from '../../src/auth/domain/permission-matrix';
import type { Role, Scope } from '../../src/auth/domain/permission-matrix';
import { fillPath, routesOf, servedRoutes } from '../support/routes';
import { bearer, ManualClock, startTestApp } from '../support/test-app';
import type { TestPrincipal } from '../support/test-app';
import { documentRoutes, routeInventory } from './route-inventory';
import type { InventoryRoute, Reach } from './route-inventory';

/** Values for path parameters and query strings that put the object inside each scoped role's reach. */
const pathValues = { employeeId: 'E-1', deductionId: 'D-1', ticketId: 'T-1', complaintId: 'C-1', subjectId: 'C-1', credentialId: 'cred-000000000000', obligationId: 'TO-1', period: '2026-03', consequenceId: 'PC-1', version: '1' };
const queries: Record<string, string> = {
  '/scores': '?month=2026-03&department=cs',
  '/overdue': '?department=cs',
  '/period-scores': '?period=2026-03&department=cs',
  '/period-scores/departments': '?period=2026-03',
  '/period-scores/bulletin': '?period=2026-03',
  '/employees': '?department=cs',
  '/talk-obligations': '?department=cs',
};

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

/** The inventory's words for the matrix's scopes. */
const reachOf: Record<Scope, Reach> = { all: 'any', department: 'own-department', self: 'own-record', panel: 'own-hearing' };

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const declared = (r: { method: string; path: string }, isPublic: boolean, permissions: readonly string[]) =>
  `${key(r)} ${isPublic ? 'public' : `[${permissions.join(', ')}]`}`;
const allowedRoles = (route: InventoryRoute): Role[] => ('public' in route ? [...roles] : (Object.keys(route.allowed) as Role[]));

/**
 * Every route the app serves × every role, plus no token, a malformed, a revoked and an expired
 * one, checked against the hand-written route inventory (route-inventory.ts), not against the
 * permission matrix the guard uses. Bodies are empty, so a permitted command stops at validation
 * (400) and nothing is appended; the guard's answer comes first.
 */
describe('every route × every role, against the reviewed route inventory', () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let dataDir: string;
  let http: ReturnType<typeof request>;
  const tokens = {} as Record<Role | 'revoked' | 'expired', string>;

  beforeAll(async () => {
    let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
    let adminToken: string;
    ({ app, dataDir, tokenFor, adminToken } = await startTestApp(clock));
    http = request(app.getHttpServer());
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
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves exactly the controller routes of the inventory, each with the permissions or the public flag it lists', () => {
    const served = routesOf(app).map((r) => declared(r, r.isPublic, r.permissions));
    const listed = routeInventory.map((r) => declared(r, 'public' in r, 'public' in r ? [] : r.permissions));
    expect(served.sort()).toEqual(listed.sort());
  });

  it('serves nothing outside the controllers but the OpenAPI document', () => {
    const controllerRoutes = new Set(routesOf(app).map(key));
    const others = servedRoutes(app).filter((r) => !controllerRoutes.has(key(r)));
    expect(others.map(key).sort()).toEqual(documentRoutes.map(key).sort());
  });

  it('names for each allowed role the scope the permission matrix grants it', () => {
    const mismatches = routeInventory.flatMap((route) =>
      'public' in route
        ? []
        : Object.entries(route.allowed).flatMap(([role, reach]) =>
            route.permissions
              .map((permission) => ({ permission, scope: permissionMatrix[role as Role][permission] }))
              .filter(({ scope }) => !scope || reachOf[scope] !== reach)
              .map(({ permission, scope }) => `${key(route)}: ${role} listed as ${reach}, the matrix grants ${permission} at ${scope ?? 'no scope'}`),
          ),
    );
    expect(mismatches).toEqual([]);
  });

  const call = (route: { method: string; path: string }, headers: Record<string, string> = {}) => {
    const url = fillPath(route.path, pathValues) + (queries[route.path] ?? '');
    const req = http[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url).set(headers);
    return route.method === 'POST' || route.method === 'PUT' ? req.send({}) : req;
  };

  const callable: InventoryRoute[] = [...routeInventory, ...documentRoutes.map((r) => ({ ...r, public: true as const }))];

  it.each(callable.map((route) => [key(route), route] as const))('%s answers every caller as the inventory says', async (_, route) => {
    const isPublic = 'public' in route;
    const allowed = allowedRoles(route);
    const callers: [string, Record<string, string>, 'allowed' | 401 | 403][] = [
      ['no token', {}, isPublic ? 'allowed' : 401],
      ['malformed token', { Authorization: 'Bearer not-a-token' }, isPublic ? 'allowed' : 401],
      ['basic auth', { Authorization: 'Basic YWRtaW46YWRtaW4=' }, isPublic ? 'allowed' : 401],
      ['revoked token', bearer(tokens.revoked), isPublic ? 'allowed' : 401],
      ['expired token', bearer(tokens.expired), isPublic ? 'allowed' : 401],
      ...roles.map((role): [string, Record<string, string>, 'allowed' | 403] => [role, bearer(tokens[role]), allowed.includes(role) ? 'allowed' : 403]),
    ];
    const mismatches: string[] = [];
    for (const [caller, headers, expected] of callers) {
      const { status } = await call(route, headers);
      const ok = expected === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === expected;
      if (!ok) mismatches.push(`as ${caller}: expected ${expected}, got ${status}`);
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
