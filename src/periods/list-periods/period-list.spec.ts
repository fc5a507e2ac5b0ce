import type { PeriodEvent } from '../domain/period.events';
import { periodList } from './period-list';

const opened = (period: string, openedAt: string): PeriodEvent => ({ type: 'PeriodOpened', data: { companyId: 'c', period, openedAt } });
const closed = (period: string, closedAt: string, sealedScores: number, unratedEmployeeIds: string[]): PeriodEvent => ({ type: 'PeriodClosed', data: { companyId: 'c', period, closedAt, sealedScores, unratedEmployeeIds } });

describe('the list of periods', () => {
  it('shows each period opened, with its bounds in the company time zone, and what its close sealed', () => {
    const events = [opened('2026-03', '2026-03-01T01:00:00.000Z'), opened('2026-Q1', '2026-01-02T01:00:00.000Z'), closed('2026-03', '2026-04-01T02:00:00.000Z', 12, ['E-9'])];
    expect(periodList(events, 'Asia/Shanghai')).toEqual([
      { period: '2026-Q1', state: 'open', start: '2025-12-31T16:00:00.000Z', end: '2026-03-31T16:00:00.000Z', openedAt: '2026-01-02T01:00:00.000Z', closedAt: null, sealedScores: null, unratedEmployees: null, checkpoint: null },
      { period: '2026-03', state: 'closed', start: '2026-02-28T16:00:00.000Z', end: '2026-03-31T16:00:00.000Z', openedAt: '2026-03-01T01:00:00.000Z', closedAt: '2026-04-01T02:00:00.000Z', sealedScores: 12, unratedEmployees: 1, checkpoint: null },
    ]);
  });

  it('puts the longer of two periods that begin together first, and ignores the scores sealed one by one', () => {
    const sealed = { type: 'PeriodScoreSealed', data: {} } as unknown as PeriodEvent;
    const list = periodList([opened('2026-01', '2026-01-01T00:00:00.000Z'), opened('2026', '2026-01-01T00:00:00.000Z'), sealed], 'Asia/Shanghai');
    expect(list.map((p) => p.period)).toEqual(['2026', '2026-01']);
  });

  it('is empty before any period is opened', () => {
    expect(periodList([], 'Asia/Shanghai')).toEqual([]);
  });
});
