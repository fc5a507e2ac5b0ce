import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import request from 'supertest';
import * as ts from 'typescript';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { ManualClock, startTestApp } from '../support/test-app';

const GENERATOR = path.resolve(__dirname, '../../node_modules/openapi-typescript/bin/cli.js');

/** What a client generated from the document with openapi-typescript compiles against, in strict mode. */
const CLIENT = `
import type { paths } from './api';
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer Body } } } } ? Body : never;
type IsAny<T> = 0 extends 1 & T ? true : false;
declare const scores: Ok<'/employees/{employeeId}/scores', 'get'>;
declare const overdue: Ok<'/overdue', 'get'>;
declare const record: Ok<'/employees/{employeeId}/record', 'get'>;
export const score: number = scores.months[0].score;
export const ruleCode: string = scores.months[0].deductions[0].ruleCode;
export const dueAt: string = overdue.items[0].dueAt;
export const assignee: string | null = overdue.items[0].assigneeId;
export const late: number | undefined = overdue.items[0].overdueMinutes;
export const eventType: string = record.events[0].type;
export const monthly: number = record.monthlyScores[0].score;
declare const trail: Ok<'/employees/{employeeId}/audit-trail', 'get'>;
declare const ranking: Ok<'/scores', 'get'>;
declare const talks: Ok<'/talk-obligations', 'get'>;
declare const periods: Ok<'/periods', 'get'>;
declare const directory: Ok<'/employees', 'get'>;
declare const periodScores: Ok<'/period-scores', 'get'>;
declare const summaries: Ok<'/period-scores/departments', 'get'>;
export const actor: string = trail.entries[0].actor;
export const rank: number = ranking.scores[0].rank;
export const breachedTalk: boolean = talks.items[0].breached;
export const closedAt: string | null = periods.periods[0].closedAt;
export const supervisor: string | null | undefined = directory.items[0].supervisorId;
export const grade: string = periodScores.scores[0].grade;
export const sealedAt: string | undefined = periodScores.scores[0].sealed?.closedAt;
export const below: boolean = summaries.departments[0].belowThreshold;
export const typed: IsAny<typeof scores | typeof overdue | typeof record | typeof trail | typeof ranking | typeof talks | typeof periods | typeof directory | typeof periodScores | typeof summaries>[] = [false];
`;

/** The same client reading a field no schema declares: it must not compile. */
const WRONG_CLIENT = CLIENT + `export const invented: number = scores.months[0].bonus;\n`;

describe('a TypeScript client generated from /docs/openapi.json', () => {
  let app: INestApplication;
  let dir: string;

  beforeAll(async () => {
    dir = makeTempDir('openapi-client');
    ({ app } = await startTestApp(new ManualClock(new Date('2026-03-10T01:00:00.000Z'))));
    const document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
    fs.writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(document));
    // the generator's own command line (its library is an ES module, which jest does not load)
    execFileSync(process.execPath, [GENERATOR, path.join(dir, 'openapi.json'), '--output', path.join(dir, 'api.ts')], { stdio: 'pipe' });
  });
  afterAll(async () => {
    await app?.close();
    removeDir(dir);
  });

  const compile = (source: string) => {
    const file = path.join(dir, 'client.ts');
    fs.writeFileSync(file, source);
    const program = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  };

  it('reads a score, the overdue list, a record, the audit trail, a ranking, the talks owed, the periods and the directory with typed fields', () => {
    expect(compile(CLIENT)).toEqual([]);
  });

  it('does not compile a read of a field the document does not declare', () => {
    expect(compile(WRONG_CLIENT)).toEqual([expect.stringMatching(/Property 'bonus' does not exist/)]);
  });
});
