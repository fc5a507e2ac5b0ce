import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { systemClock } from '../../src/shared/clock';
import { runDemo } from '../support/cli';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { bearer, startTestApp } from '../support/test-app';

const CHROMIUM = '/usr/bin/chromium';
const suite = fs.existsSync(CHROMIUM) ? describe : describe.skip;

/** The desk in headless Chromium (Debian's package; .ci/run installs it), on the demo company. */
suite(`the desk at /app, in headless Chromium${fs.existsSync(CHROMIUM) ? '' : ' (skipped: no /usr/bin/chromium; .ci/run installs Debian\'s chromium)'}`, () => {
  let dataDir: string;
  let shots: string;
  let app: INestApplication;
  let browser: Browser;
  let url: string;
  let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];

  beforeAll(async () => {
    dataDir = makeTempDir('desk');
    shots = makeTempDir('desk-shots');
    expect((await runDemo(dataDir)).code).toBe(0);
    ({ app, tokenFor } = await startTestApp(systemClock, dataDir));
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    removeDir(dataDir);
    removeDir(shots);
  });

  const signIn = async (token: string): Promise<Page> => {
    const page = await browser.newPage({ acceptDownloads: true, locale: 'en-US' });
    await page.goto(`${url}/app/`);
    await page.getByLabel('Your token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page;
  };
  const cells = (page: Page, caption: string) =>
    page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));

  it('shows an analyst the dashboard, the overdue board and an employee page with the figures of the API, and downloads the CSV, the XLSX and the bulletin', async () => {
    const token = await tokenFor({ id: 'analyst-desk', roles: ['analyst'] });
    const api = (route: string) => request(app.getHttpServer()).get(route).set(bearer(token)).expect(200).then((r) => r.body);
    const page = await signIn(token);

    await page.locator('caption', { hasText: 'Department ·' }).waitFor();
    const period = await page.locator('#period').inputValue();
    const summaries = await api(`/period-scores/departments?period=${period}`);
    expect(await cells(page, 'Department ·')).toEqual(summaries.departments.map((d: { department: string; staff: number; average: number; grades: Record<string, number> }) =>
      [d.department, String(d.staff), String(d.average), String(summaries.threshold), Object.entries(d.grades).map(([g, n]) => `${g} ${n}`).join(', ')]));
    const bottom = await api(`/period-scores?period=${period}&sort=bottom&limit=5`);
    expect((await cells(page, 'Bottom of the ranking')).map((row) => row[1])).toEqual(bottom.scores.map((s: { employeeId: string }) => s.employeeId));
    expect(await page.locator('canvas').count()).toBe(2);
    const closedPeriods = (await api('/periods')).periods.filter((p: { state: string }) => p.state === 'closed');
    const trend = await cells(page, 'Department averages over the periods');
    expect(trend.map((row) => row[0])).toEqual(closedPeriods.slice(-6).map((p: { period: string }) => p.period));
    await page.screenshot({ path: path.join(shots, 'dashboard.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csvFile = path.join(shots, 'period-scores.csv');
    await download.saveAs(csvFile);
    const csv = fs.readFileSync(csvFile, 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^companyRank,departmentRank,employeeId,period/);
    const total = (await api(`/period-scores?period=${period}`)).total;
    expect(csv.filter((line) => line !== '').length).toBe(1 + total);
    const [spreadsheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download XLSX' }).click()]);
    const xlsxFile = path.join(shots, 'period-scores.xlsx');
    await spreadsheet.saveAs(xlsxFile);
    const workbook = await new Workbook().xlsx.readFile(xlsxFile);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + total);
    expect(sheet.getRow(1).getCell(3).value).toBe('employeeId');
    expect(sheet.getRow(2).getCell(3).value).toBe((await api(`/period-scores?period=${period}&limit=1`)).scores[0].employeeId);
    expect(typeof sheet.getRow(2).getCell(8).value).toBe('number');
    const [bulletin] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bulletin (PDF)' }).click()]);
    expect(bulletin.suggestedFilename()).toBe(`bulletin-${period}.pdf`);
    const pdfFile = path.join(shots, 'bulletin.pdf');
    await bulletin.saveAs(pdfFile);
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');

    await page.getByRole('link', { name: 'Overdue' }).click();
    const board = await api('/overdue?limit=200');
    await page.locator('caption', { hasText: `Overdue · ${board.total}` }).waitFor();
    expect((await cells(page, `Overdue · ${board.total}`)).length).toBe(board.items.length);
    const byDepartment = await cells(page, 'Overdue by department and responsible');
    expect(byDepartment.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(board.items.length);
    const soon = await api('/overdue?dueWithinMinutes=240&limit=200');
    await page.locator('caption', { hasText: `Due within 4 hours · ${soon.total}` }).waitFor();
    await page.screenshot({ path: path.join(shots, 'overdue.png'), fullPage: true });

    await page.goto(`${url}/app/#employee/PS-3`);
    const { periods } = await api('/employees/PS-3/period-scores');
    await page.locator('caption', { hasText: 'PS-3' }).first().waitFor();
    expect((await cells(page, 'PS-3')).map((row) => [row[0], row[1]])).toEqual(periods.map((p: { period: string; normalised: number }) => [p.period, String(p.normalised)]));
    const items = (await page.locator('table', { has: page.locator('caption', { hasText: '· Fact' }) }).first().locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? ''))));
    for (const item of items.filter((row) => row[1] !== '')) expect(item[3]).toMatch(/^\d{3}:\d+/);
    // an analyst may not replay a record (records:replay): the page leaves it out
    expect(await page.locator('caption', { hasText: 'Events in the record' }).count()).toBe(0);
    expect(await page.content()).not.toMatch(/张先生|李女士|王阿姨|138 0000 0000/);
    await page.screenshot({ path: path.join(shots, 'employee.png'), fullPage: true });
    expect(fs.statSync(path.join(shots, 'employee.png')).size).toBeGreaterThan(1000);
  }, 60_000);

  it('shows an employee only their own page, with their record replayed, and switches to Chinese', async () => {
    const page = await signIn(await tokenFor({ id: 'PS-3', roles: ['employee'], employeeId: 'PS-3' }));
    await page.getByRole('alert').filter({ hasText: 'Your role does not show this.' }).waitFor();
    await page.goto(`${url}/app/#employee/PS-3`);
    await page.locator('caption', { hasText: 'PS-3' }).first().waitFor();
    expect((await cells(page, 'Events in the record')).length).toBeGreaterThan(0);
    // every point explained: with the record, who applied each deduction (and a hearing's outcome, where there was one)
    const items = await page.locator('table', { has: page.locator('caption', { hasText: '· Fact' }) }).locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const deductions = items.filter((row) => row[0]!.startsWith('deduction:D-'));
    expect(deductions.length).toBeGreaterThan(0);
    for (const row of deductions) expect(row[7]).toBe('demo-operator');
    await page.goto(`${url}/app/#employee/PS-4`);
    await page.getByRole('alert').filter({ hasText: 'The service answered 404' }).waitFor();
    await page.getByRole('button', { name: '中文 / English' }).click();
    await page.getByRole('link', { name: '总览' }).waitFor();
  }, 60_000);
});
