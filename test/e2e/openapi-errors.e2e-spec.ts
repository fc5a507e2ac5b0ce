import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { errorCatalogues } from '../../src/error-catalogues';
import { errorCodes, renderErrorTables } from '../../src/shared/http/error-table';
import { ManualClock, startTestApp } from '../support/test-app';

describe('the OpenAPI document describes every error from the catalogues', () => {
  let app: INestApplication;
  let document: {
    info: { description: string };
    components: { schemas: Record<string, { enum?: string[] }> };
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
  };

  beforeAll(async () => {
    ({ app } = await startTestApp(new ManualClock(new Date('2026-03-10T08:00:00Z'))));
    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
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

  it('gives every error answer the Error schema', () => {
    const answers = Object.values(document.paths).flatMap((operations) =>
      Object.values(operations).flatMap(({ responses }) => Object.entries(responses ?? {}).filter(([status]) => Number(status) >= 400).map(([, response]) => response)),
    );
    expect(answers.length).toBeGreaterThan(20);
    for (const answer of answers) expect(answer.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/Error');
  });
});
