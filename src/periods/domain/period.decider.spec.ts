import { deciderSpecification } from '../../shared/testing/decider-specification';
import { periodDecider } from './period.decider';
import type { PeriodContext } from './period.decider';
import type { PeriodEvent } from './period.events';
import { refusePeriod } from './period.errors';

const spec = deciderSpecification(periodDecider, refusePeriod);
const context: PeriodContext = { employees: [], timeZone: 'Asia/Shanghai' };
const now = '2026-11-30T04:00:00.000Z'; // 12:00 in Shanghai
const opened = (period: string, openedAt: string): PeriodEvent => ({ type: 'PeriodOpened', data: { companyId: 'c', period, openedAt } });
const open = (period: string, openedAt: string) => ({ type: 'OpenPeriod' as const, data: { companyId: 'c', period, openedAt }, now });
const close = (period: string, closedAt: string) => ({ type: 'ClosePeriod' as const, data: { companyId: 'c', period, closedAt }, now });

describe('periods open once begun and close once ended (company time zone)', () => {
  it('opens a period that has begun', () => {
    spec.given([], context).when(open('2026-11', '2026-11-01T00:00:00+08:00')).then([opened('2026-11', '2026-11-01T00:00:00+08:00')]);
  });
  it('refuses a period that has not begun, even at a past openedAt', () => {
    spec.given([], context).when(open('2026-12', '2026-11-30T09:00:00+08:00')).thenThrows('period_not_begun');
  });
  it('refuses an openedAt in the future', () => {
    spec.given([], context).when(open('9999', '9999-12-31T00:00:00+08:00')).thenThrows('opened_in_future');
  });
  it('refuses to close a period two days in, or at 1970-01-01', () => {
    spec.given([opened('2026-11', '2026-11-01T00:00:00+08:00')], context).when(close('2026-11', '2026-11-02T09:00:00+08:00')).thenThrows('period_not_ended');
    spec.given([opened('2026-11', '2026-11-01T00:00:00+08:00')], context).when(close('2026-11', '1970-01-01T00:00:00Z')).thenThrows('period_not_ended');
  });
  it('closes a period at the first instant after it, in the company time zone', () => {
    // 2026-10 ends at 2026-11-01T00:00+08:00, which is 2026-10-31T16:00Z
    spec.given([opened('2026-10', '2026-10-01T00:00:00+08:00')], context).when(close('2026-10', '2026-10-31T15:59:59Z')).thenThrows('period_not_ended');
    expect(periodDecider.decide(close('2026-10', '2026-10-31T16:00:00Z'), periodDecider.evolve(periodDecider.initialState, opened('2026-10', '2026-10-01T00:00:00+08:00')), context).map((e) => e.type)).toContain('PeriodClosed');
  });
});
