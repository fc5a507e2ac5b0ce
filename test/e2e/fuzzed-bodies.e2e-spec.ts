import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { roles } from '../../src/auth/domain/permission-matrix';
import { fillPath, routesOf } from '../support/routes';
import type { Route } from '../support/routes';
import { bearer, ManualClock, startTestApp } from '../support/test-app';

/** Every field name any command DTO knows, so fuzzed bodies reach the validators of each. */
const KNOWN_FIELDS = [
  'employeeId', 'name', 'department', 'position', 'supervisorId', 'complaintId', 'channel', 'complainant', 'phone', 'address',
  'subjectId', 'location', 'subject', 'description', 'severity', 'receivedAt', 'concernsEmployeeIds', 'ticketId', 'kind',
  'assigneeId', 'dispatchedAt', 'resolveBy', 'resolvedAt', 'resolution', 'deductionId', 'ruleCode', 'points', 'occurredAt',
  'reason', 'sourceComplaintId', 'sourceTicketId', 'contestedAt', 'panel', 'outcome', 'newPoints', 'reasoning', 'heardAt',
  'principalId', 'roles', 'departments', 'expiresAt',
];
const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype'];

/** JSON text of an object with these entries; built by hand so `__proto__` stays an ordinary key. */
const objectJson = (entries: [string, string][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;

const value: fc.Arbitrary<string> = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null');
const knownEntries = fc.array(fc.tuple(fc.constantFrom(...KNOWN_FIELDS), value), { maxLength: 12 });

/** A body with something no DTO accepts: a dangerous key (at the top or nested), an unknown key, or not an object. */
const defectiveBody: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(knownEntries, fc.constantFrom(...DANGEROUS_KEYS), value).map(([entries, key, v]) => objectJson([...entries, [key, v]])),
  fc.tuple(knownEntries, fc.constantFrom(...KNOWN_FIELDS), fc.constantFrom(...DANGEROUS_KEYS), value).map(([entries, outer, key, v]) =>
    objectJson([...entries, [outer, objectJson([[key, v], ['polluted', 'true']])]]),
  ),
  fc.tuple(knownEntries, fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !KNOWN_FIELDS.includes(k)), value).map(([entries, key, v]) =>
    objectJson([...entries, [key, v]]),
  ),
  fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 2 }))).map((v) => JSON.stringify(v)),
);
/** Only known fields, with values of any JSON type. */
const typeConfusedBody: fc.Arbitrary<string> = knownEntries.map(objectJson);

/**
 * Property-based: whatever the body, no command answers 500, Object.prototype never changes, and
 * a refused body appends no event. The caller holds every role, so bodies reach validation.
 */
describe('fuzzed command bodies', () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let app: INestApplication;
  let http: ReturnType<typeof request>;
  let token: string;
  let commands: Route[];
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const head = async () => (await http.get('/health').expect(200)).body.headPosition as number;

  beforeAll(async () => {
    let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
    ({ app, tokenFor } = await startTestApp(clock));
    http = request(app.getHttpServer());
    token = await tokenFor({ id: 'fuzzer', roles: [...roles], departments: ['cs'], employeeId: 'P-1' });
    commands = routesOf(app).filter((r) => r.method === 'POST');
  });
  afterAll(() => app.close());

  const params = { deductionId: 'D-1', ticketId: 'T-1', subjectId: 'C-1', complaintId: 'C-1', obligationId: 'TO-1', period: '2026-03', consequenceId: 'PC-1' };
  const send = (route: Route, body: string) => http.post(fillPath(route.path, params)).set(bearer(token)).set('content-type', 'application/json').send(body);
  const prototypeIsClean = () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  };

  it('finds the command routes', () => {
    expect(commands.map((r) => r.path)).toEqual(expect.arrayContaining(['/employees', '/complaints', '/deductions', '/deductions/:deductionId/hearing', '/complainants/:subjectId/erasure']));
  });

  it('refuses a defective body with a 4xx and appends nothing', async () => {
    const before = await head();
    for (const route of commands) {
      await fc.assert(
        fc.asyncProperty(defectiveBody, async (body) => {
          const { status } = await send(route, body);
          expect([route.path, body, status >= 400 && status < 500]).toEqual([route.path, body, true]);
          prototypeIsClean();
        }),
        { numRuns: 60 },
      );
    }
    expect(await head()).toBe(before);
  });

  it('never answers 500 to type-confused bodies, and appends nothing', async () => {
    const before = await head();
    for (const route of commands) {
      await fc.assert(
        fc.asyncProperty(typeConfusedBody, async (body) => {
          const { status } = await send(route, body);
          expect([route.path, body, status < 500]).toEqual([route.path, body, true]);
          prototypeIsClean();
        }),
        { numRuns: 40 },
      );
    }
    expect(await head()).toBe(before);
  });
});
