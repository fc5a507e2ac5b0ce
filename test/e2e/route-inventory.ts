import type { Permission, Role } from '../../src/auth/domain/permission-matrix';

/**
 * THE REVIEWED LIST OF EVERY ROUTE THE APP SERVES, written by hand on purpose (docs/routes.md).
 *
 * Nothing here is computed from the controllers or the permission matrix: route-role-matrix.e2e-spec.ts
 * compares this list with what the app serves and calls every route as every role, so a new route,
 * a removed one, a changed permission, a new `@Public()` or a role gaining or losing a route fails
 * until this file is changed too — in a diff someone reviews.
 *
 * `allowed` names every role that may call the route, with how far it reaches:
 * - `any`: any object;
 * - `own-department`: employees of the supervisor's departments (and `?department=` one of them);
 * - `own-record`: the employee's own record or deductions;
 * - `own-hearing`: hearings whose panel lists the panel member.
 * Every role not named gets 403 (and no token 401). A public route answers everyone, token or not.
 */
export type Reach = 'any' | 'own-department' | 'own-record' | 'own-hearing';
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type InventoryRoute = { method: Method; path: string; note?: string } & (
  | { public: true }
  | { permissions: Permission[]; allowed: Partial<Record<Role, Reach>> }
);

export const routeInventory: InventoryRoute[] = [
  // health and metrics: public, for probes and the scraper
  { method: 'GET', path: '/health', public: true },
  { method: 'GET', path: '/health/live', public: true },
  { method: 'GET', path: '/health/ready', public: true },
  { method: 'GET', path: '/metrics', public: true },

  // credentials and the access log
  { method: 'POST', path: '/credentials', permissions: ['credentials:manage'], allowed: { admin: 'any' } },
  { method: 'GET', path: '/credentials', permissions: ['credentials:manage'], allowed: { admin: 'any' } },
  { method: 'DELETE', path: '/credentials/:credentialId', permissions: ['credentials:manage'], allowed: { admin: 'any' } },
  { method: 'GET', path: '/access-log', permissions: ['access-log:read'], allowed: { auditor: 'any' } },

  // employees
  { method: 'POST', path: '/employees', permissions: ['employees:register'], allowed: { admin: 'any' } },
  {
    method: 'GET',
    path: '/employees',
    permissions: ['employees:read'],
    allowed: { admin: 'any', clerk: 'any', supervisor: 'own-department', auditor: 'any', analyst: 'any' },
    note: 'an employee (employees:read for themself only) passes the guard and is refused 403 by the controller: the list is not theirs',
  },
  { method: 'GET', path: '/employees/:employeeId', permissions: ['employees:read'], allowed: { admin: 'any', clerk: 'any', supervisor: 'own-department', auditor: 'any', analyst: 'any', employee: 'own-record' } },

  // complaints and complainants
  { method: 'POST', path: '/complaints', permissions: ['complaints:receive'], allowed: { clerk: 'any' } },
  { method: 'GET', path: '/complaints/:complaintId', permissions: ['complaints:read'], allowed: { clerk: 'any', auditor: 'any', analyst: 'any' }, note: 'the complainant is shown only to clerk and auditor (complainants:read)' },
  { method: 'POST', path: '/complaints/:complaintId/assignment', permissions: ['complaints:assign'], allowed: { clerk: 'any' } },
  { method: 'POST', path: '/complaints/:complaintId/resolution', permissions: ['complaints:resolve'], allowed: { clerk: 'any' } },
  { method: 'POST', path: '/complaints/:complaintId/callback', permissions: ['complaints:callback'], allowed: { clerk: 'any' } },
  { method: 'POST', path: '/complaints/:complaintId/verdict', permissions: ['complaints:verdict'], allowed: { supervisor: 'any' }, note: 'an upheld verdict may name only employees of the supervisor\'s departments' },
  { method: 'POST', path: '/complaints/:complaintId/verdict-reversal', permissions: ['complaints:verdict'], allowed: { supervisor: 'any' } },
  { method: 'POST', path: '/complainants/:subjectId/erasure', permissions: ['complainants:erase'], allowed: { admin: 'any' } },

  // tickets
  { method: 'POST', path: '/tickets', permissions: ['tickets:dispatch'], allowed: { clerk: 'any' } },
  { method: 'POST', path: '/tickets/:ticketId/acknowledgement', permissions: ['tickets:acknowledge'], allowed: { clerk: 'any' } },
  { method: 'POST', path: '/tickets/:ticketId/arrival', permissions: ['tickets:arrive'], allowed: { clerk: 'any' } },
  { method: 'POST', path: '/tickets/:ticketId/resolution', permissions: ['tickets:resolve'], allowed: { clerk: 'any' } },
  { method: 'POST', path: '/tickets/:ticketId/closure', permissions: ['tickets:close'], allowed: { clerk: 'any' } },
  { method: 'POST', path: '/tickets/:ticketId/reassignment', permissions: ['tickets:reassign'], allowed: { clerk: 'any' } },
  { method: 'POST', path: '/tickets/:ticketId/cancellation', permissions: ['tickets:cancel'], allowed: { clerk: 'any' } },
  { method: 'POST', path: '/tickets/:ticketId/pause', permissions: ['tickets:pause'], allowed: { clerk: 'any' } },
  { method: 'POST', path: '/tickets/:ticketId/resumption', permissions: ['tickets:pause'], allowed: { clerk: 'any' } },

  // service levels, working calendar, rulebook, talks
  { method: 'GET', path: '/service-levels', permissions: ['service-levels:read'], allowed: { admin: 'any', clerk: 'any', supervisor: 'any', auditor: 'any' } },
  { method: 'PUT', path: '/service-levels', permissions: ['service-levels:manage'], allowed: { admin: 'any' } },
  { method: 'PUT', path: '/working-calendar', permissions: ['calendars:manage'], allowed: { admin: 'any' } },
  { method: 'POST', path: '/working-calendar/public-holidays', permissions: ['calendars:manage'], allowed: { admin: 'any' } },
  { method: 'POST', path: '/rulebook/versions', permissions: ['rulebooks:publish'], allowed: { admin: 'any' } },
  { method: 'GET', path: '/rulebook/versions', permissions: ['rulebooks:read'], allowed: { admin: 'any', clerk: 'any', supervisor: 'any', 'panel-member': 'any', auditor: 'any', analyst: 'any', employee: 'any' } },
  { method: 'GET', path: '/rulebook/versions/:version', permissions: ['rulebooks:read'], allowed: { admin: 'any', clerk: 'any', supervisor: 'any', 'panel-member': 'any', auditor: 'any', analyst: 'any', employee: 'any' } },
  { method: 'GET', path: '/rulebook/in-force', permissions: ['rulebooks:read'], allowed: { admin: 'any', clerk: 'any', supervisor: 'any', 'panel-member': 'any', auditor: 'any', analyst: 'any', employee: 'any' } },
  { method: 'POST', path: '/talk-obligations/:obligationId/talk', permissions: ['talks:record'], allowed: { supervisor: 'any' } },
  { method: 'GET', path: '/talk-obligations', permissions: ['talks:read'], allowed: { supervisor: 'own-department', auditor: 'any', analyst: 'any' } },

  // assessment facts
  { method: 'POST', path: '/deductions', permissions: ['deductions:apply'], allowed: { supervisor: 'own-department' } },
  { method: 'POST', path: '/deductions/:deductionId/contest', permissions: ['deductions:contest'], allowed: { employee: 'own-record' }, note: 'anyone else\'s deduction is a 404' },
  { method: 'POST', path: '/deductions/:deductionId/hearing', permissions: ['hearings:record'], allowed: { 'panel-member': 'own-hearing' } },
  { method: 'POST', path: '/bonuses', permissions: ['bonuses:award'], allowed: { supervisor: 'own-department' } },
  { method: 'POST', path: '/ratings', permissions: ['ratings:record'], allowed: { supervisor: 'own-department' } },
  { method: 'POST', path: '/surveys', permissions: ['surveys:record'], allowed: { supervisor: 'own-department' } },

  // periods
  { method: 'POST', path: '/periods', permissions: ['periods:open'], allowed: { supervisor: 'any' } },
  { method: 'GET', path: '/periods', permissions: ['periods:read'], allowed: { admin: 'any', supervisor: 'any', auditor: 'any', analyst: 'any' } },
  { method: 'POST', path: '/periods/:period/close', permissions: ['periods:close'], allowed: { supervisor: 'any' } },

  // one employee's reads (written to the access log)
  { method: 'GET', path: '/employees/:employeeId/scores', permissions: ['scores:read'], allowed: { supervisor: 'own-department', auditor: 'any', analyst: 'any', employee: 'own-record' } },
  { method: 'GET', path: '/employees/:employeeId/period-scores', permissions: ['scores:read'], allowed: { supervisor: 'own-department', auditor: 'any', analyst: 'any', employee: 'own-record' } },
  { method: 'GET', path: '/employees/:employeeId/audit-trail', permissions: ['audit-trail:read'], allowed: { supervisor: 'own-department', auditor: 'any', analyst: 'any', employee: 'own-record' } },
  { method: 'GET', path: '/employees/:employeeId/record', permissions: ['records:replay'], allowed: { supervisor: 'own-department', auditor: 'any', employee: 'own-record' } },
  { method: 'GET', path: '/employees/:employeeId/record/proof', permissions: ['records:prove'], allowed: { auditor: 'any' } },

  // department-wide reads
  { method: 'GET', path: '/scores', permissions: ['rankings:read'], allowed: { supervisor: 'own-department', auditor: 'any', analyst: 'any' } },
  { method: 'GET', path: '/period-scores', permissions: ['rankings:read'], allowed: { supervisor: 'own-department', auditor: 'any', analyst: 'any' } },
  {
    method: 'GET',
    path: '/period-scores/departments',
    permissions: ['rankings:read'],
    allowed: { auditor: 'any', analyst: 'any' },
    note: 'the summaries span every department: a supervisor (rankings:read for own departments only) passes the guard and is refused 403 by the controller',
  },
  {
    method: 'GET',
    path: '/period-scores/bulletin',
    permissions: ['rankings:read'],
    allowed: { auditor: 'any', analyst: 'any' },
    note: 'the bulletin spans every department: a supervisor passes the guard and is refused 403 by the controller',
  },
  { method: 'GET', path: '/overdue', permissions: ['overdue:read'], allowed: { clerk: 'any', supervisor: 'own-department', auditor: 'any', analyst: 'any' } },

  // the auditor's proof: the chain's verification, checkpoints on demand, the key to check them with
  { method: 'GET', path: '/integrity', permissions: ['integrity:read'], allowed: { admin: 'any', auditor: 'any' } },
  { method: 'POST', path: '/integrity/checkpoints', permissions: ['integrity:sign'], allowed: { admin: 'any', auditor: 'any' } },
  { method: 'GET', path: '/integrity/public-key', public: true },

  // operators: parked events and parked consequences
  { method: 'GET', path: '/parked-events', permissions: ['parked-events:read'], allowed: { admin: 'any', auditor: 'any' } },
  { method: 'GET', path: '/parked-consequences', permissions: ['parked-consequences:read'], allowed: { supervisor: 'any', auditor: 'any' } },
  { method: 'POST', path: '/parked-consequences/:consequenceId/retry', permissions: ['parked-consequences:retry'], allowed: { admin: 'any', supervisor: 'any' } },
];

/**
 * The OpenAPI document and its UI, served by SwaggerModule (src/app.setup.ts) outside the
 * controllers and the guard: public. The UI's static files under /docs/ come from a middleware,
 * not from routes, and are not listed.
 */
export const documentRoutes: { method: Method; path: string }[] = [
  { method: 'GET', path: '/docs' },
  { method: 'GET', path: '/docs/' },
  { method: 'GET', path: '/docs/index.html' },
  { method: 'GET', path: '/docs/swagger-ui-init.js' },
  { method: 'GET', path: '/docs/docs/swagger-ui-init.js' },
  { method: 'GET', path: '/docs/LICENSE' },
  { method: 'GET', path: '/docs/openapi.json' },
  { method: 'GET', path: '/docs-yaml' },
];
