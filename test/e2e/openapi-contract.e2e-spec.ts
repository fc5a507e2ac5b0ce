import type { INestApplication } from '@nestjs/common';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import request from 'supertest';
import { errorCatalogues } from '../../src/error-catalogues';
import { errorCodes, renderErrorTables } from '../../src/shared/http/error-table';
import { ManualClock, startTestApp } from '../support/test-app';

describe('the OpenAPI document: every error from the catalogues, who may call each operation, and a linter that passes', () => {
  let app: INestApplication;
  let source: string;
  let document: {
    info: { description: string };
    components: { schemas: Record<string, { enum?: string[] }> };
    paths: Record<string, Record<string, { security?: object[]; 'x-public'?: boolean; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
  };

  beforeAll(async () => {
    ({ app } = await startTestApp(new ManualClock(new Date('2026-03-10T08:00:00Z'))));
    const answer = await request(app.getHttpServer()).get('/docs/openapi.json').expect(200);
    document = answer.body;
    source = answer.text;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists every code in its ErrorCode enum', () => {
    expect(document.components.schemas.ErrorCode!.enum).toEqual(errorCodes(errorCatalogues));
    expect(document.components.schemas.ErrorCode!.enum).toEqual(expect.arrayContaining(['period_closed', 'invalid_input', 'not_found']));
  });

  it('carries the generated error tables in its description', () => {
    expect(document.info.description).toContain(renderErrorTables(errorCatalogues));
  });

  it('gives every error answer the Error schema (the readiness probes answer 503 with their report)', () => {
    const answers = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.values(operations).flatMap(({ responses }) =>
        Object.entries(responses ?? {}).filter(([status]) => Number(status) >= 400 && !(status === '503' && ['/health', '/health/ready'].includes(path))).map(([, response]) => response),
      ),
    );
    expect(answers.length).toBeGreaterThan(20);
    for (const answer of answers) expect(answer.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/Error');
  });

  it('documents the body of every read', () => {
    const reads = Object.entries(document.paths).flatMap(([path, operations]) => Object.entries(operations).filter(([method]) => method === 'get').map(([, operation]) => ({ path, ok: operation.responses['200'] })));
    expect(reads.length).toBeGreaterThan(25);
    expect(reads.filter(({ ok }) => !ok?.content).map(({ path }) => path)).toEqual([]);
    // a read answered from read models keeps its body beside the headers that say how fresh it is
    const scores = document.paths['/employees/{employeeId}/scores']!.get!.responses['200'] as { headers?: Record<string, unknown>; content?: object };
    expect(Object.keys(scores.headers ?? {})).toEqual(['X-Read-Model-Position', 'X-Event-Store-Head']);
    expect(scores.content).toBeDefined();
  });

  it("declares the bearer token on every operation but the public probes and the checkpoints' public key, which need none", () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })));
    const open = operations.filter(({ operation }) => operation['x-public']).map(({ route }) => route).sort();
    expect(open).toEqual(['GET /health', 'GET /health/live', 'GET /health/ready', 'GET /integrity/public-key', 'GET /metrics']);
    for (const { operation } of operations) expect(operation.security).toEqual(operation['x-public'] ? [] : [{ bearer: [] }]);
  });

  it("passes the recommended rules of Redocly's linter: no error; the only warnings are the public routes' lack of a 4xx answer", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    const warnings = problems.filter((p) => p.severity === 'warn');
    expect(new Set(warnings.map((p) => p.ruleId))).toEqual(new Set(['operation-4xx-response']));
    expect(warnings.map((p) => p.location[0]?.pointer).sort()).toEqual(['#/paths/~1health/get/responses', '#/paths/~1health~1live/get/responses', '#/paths/~1health~1ready/get/responses', '#/paths/~1integrity~1public-key/get/responses', '#/paths/~1metrics/get/responses']);
  });
});
