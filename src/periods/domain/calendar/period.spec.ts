import { periodBounds, periodLengthOf, periodOf, periodWithin } from './period';

const tz = 'Asia/Shanghai';

describe('periods in the company calendar', () => {
  it.each<[string, 'month' | 'quarter' | 'half-year' | 'year', string]>([
    ['2026-06-30T15:59:59Z', 'half-year', '2026-H1'],
    ['2026-06-30T16:00:00Z', 'half-year', '2026-H2'],
    ['2026-03-31T15:59:59Z', 'quarter', '2026-Q1'],
    ['2026-03-31T16:00:00Z', 'quarter', '2026-Q2'],
    ['2026-12-31T16:00:00Z', 'quarter', '2027-Q1'],
    ['2026-09-30T16:00:00Z', 'quarter', '2026-Q4'],
    ['2026-12-31T15:59:59Z', 'year', '2026'],
    ['2026-12-31T16:00:00Z', 'month', '2027-01'],
    ['2026-09-01T00:00:00+08:00', 'month', '2026-09'],
  ])('puts %s in the %s %s', (instant, length, period) => {
    expect(periodOf(instant, length, tz)).toBe(period);
  });

  it('refuses what is not an instant, naming it', () => {
    expect(() => periodOf('yesterday', 'month', tz)).toThrow('not an ISO-8601 instant: yesterday');
  });

  it('tells a period\'s length from its name, and refuses a name that is no period', () => {
    expect(['2026', '2026-H2', '2026-Q3', '2026-11'].map(periodLengthOf)).toEqual(['year', 'half-year', 'quarter', 'month']);
    for (const wrong of ['2026-13', '2026-Q5', '2026-H3', '26-01', '2026-1', 'x2026']) expect(() => periodLengthOf(wrong)).toThrow(`not a period: ${wrong}`);
  });

  it.each<[string, string, string]>([
    ['2026', '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-H2', '2026-06-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-Q1', '2025-12-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-Q2', '2026-03-31T16:00:00.000Z', '2026-06-30T16:00:00.000Z'],
    ['2026-Q4', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-12', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ])('bounds %s from its first instant to the first instant after it', (period, start, end) => {
    expect(periodBounds(period, tz)).toEqual({ start, end });
  });

  it('bounds a month across a daylight-saving change in its own offsets (New York, March 2026)', () => {
    expect(periodBounds('2026-03', 'America/New_York')).toEqual({ start: '2026-03-01T05:00:00.000Z', end: '2026-04-01T04:00:00.000Z' });
  });

  it('knows which periods lie within which, edges included', () => {
    expect(periodWithin('2026-03', '2026-H1', tz)).toBe(true);
    expect(periodWithin('2026-06', '2026-H1', tz)).toBe(true);
    expect(periodWithin('2026-01', '2026-Q1', tz)).toBe(true);
    expect(periodWithin('2026-07', '2026-H1', tz)).toBe(false);
    expect(periodWithin('2025-12', '2026', tz)).toBe(false);
    expect(periodWithin('2026-H1', '2026-Q1', tz)).toBe(false);
  });
});
