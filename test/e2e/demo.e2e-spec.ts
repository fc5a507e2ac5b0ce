import { runDemo } from '../support/cli';

import { ownDataDir } from '../support/temp-dir';
import { operatorAgent, startTestApp } from '../support/test-app';
import { systemClock } from '../../src/shared/clock';

// the library itself: its index runs a self-test when required directly
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

/** `npm run demo`'s seeding, on an empty folder: a company the reads and the dashboard can show, recorded through the API. */
describe('the demo company', () => {
  const own = ownDataDir('demo');

  it('records a year of facts with nothing refused or parked, closes its months, leaves work overdue, and is not added twice', async () => {
    const seeded = await runDemo(own.dir);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/demo company: 28 employees, .* requests recorded, 0 refused/);
    expect(seeded.stdout).toMatch(/│\s+al_[A-Za-z0-9_-]{43}\s+│/);
    expect((await runDemo(own.dir)).stdout).toMatch(/already holds the demo company: nothing added/);

    const started = await startTestApp(systemClock, own.dir);
    own.app = started.app;
    const http = await operatorAgent(started.app, started.tokenFor, ['office', 'property', 'workshop', 'sales']);
    expect((await http.get('/employees').expect(200)).body.total).toBe(28);
    const periods = (await http.get('/periods').expect(200)).body.periods as { period: string; state: string; sealedScores: number | null }[];
    const closed = periods.filter((p) => p.state === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((p) => p.sealedScores === 28)).toBe(true);
    const summaries = (await http.get(`/period-scores/departments?period=${closed[0]!.period}`).expect(200)).body;
    expect(summaries.departments.map((d: { department: string }) => d.department)).toEqual(['office', 'property', 'sales', 'workshop']);
    const ranking = (await http.get(`/period-scores?period=${closed[0]!.period}&sort=bottom&limit=1`).expect(200)).body;
    expect(ranking.scores[0].normalised).toBeLessThan(100);
    expect((await http.get('/overdue').expect(200)).body.total).toBeGreaterThan(0);
    expect((await http.get('/parked-consequences').expect(200)).body.total).toBe(0);

    const pdf = await http.get(`/period-scores/bulletin?period=${closed[0]!.period}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200).expect('Content-Type', 'application/pdf');
    const text = (await pdfParse(pdf.body as Buffer)).text;
    expect(text).toContain(`Assessment bulletin, period ${closed[0]!.period}`);
    for (const d of summaries.departments as { department: string; average: number }[]) expect(text).toMatch(new RegExp(`${d.department}\\s*\\d+\\s*${String(d.average).replace('.', '\\.')}`));
    const ranked = (await http.get(`/period-scores?period=${closed[0]!.period}&limit=1000`).expect(200)).body.scores as { employeeId: string }[];
    const positions = ranked.map((s) => text.indexOf(s.employeeId));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  }, 180_000);
});
