import { defaultRulebook } from '../default-rulebook';
import { periodBounds, periodOf } from './period';
import { ruleInForce, versionForPeriod, versionInForce } from './rule-in-force';
import type { RulebookVersion } from './rulebook.types';

const tz = 'Asia/Shanghai';
const v2: RulebookVersion = { ...defaultRulebook, version: 2, effectiveFrom: '2026-07-01T00:00:00+08:00', rules: defaultRulebook.rules.filter((r) => r.code !== 'PS-01') };
const versions = [defaultRulebook, v2];

describe('periods in the company calendar', () => {
  it('names months, quarters, halves and years in the company time zone', () => {
    expect(periodOf('2026-06-30T16:30:00Z', 'month', tz)).toBe('2026-07');
    expect(periodOf('2026-06-30T15:59:59Z', 'half-year', tz)).toBe('2026-H1');
    expect(periodOf('2026-05-01T00:00:00Z', 'quarter', tz)).toBe('2026-Q2');
    expect(periodOf('2026-05-01T00:00:00Z', 'year', tz)).toBe('2026');
    expect(periodBounds('2026-H1', tz)).toEqual({ start: '2025-12-31T16:00:00.000Z', end: '2026-06-30T16:00:00.000Z' });
  });
});

describe('the rule in force', () => {
  it('is the latest version effective at occurredAt', () => {
    expect(versionInForce(versions, '2026-06-30T15:59:59Z')?.version).toBe(1);
    expect(versionInForce(versions, '2026-06-30T16:00:00Z')?.version).toBe(2);
    expect(versionInForce(versions, '2025-12-31T15:59:59Z')).toBeUndefined();
    expect(() => ruleInForce(versions, 'PS-01', 'property-steward', '2026-07-02T00:00:00Z', tz)).toThrow(expect.objectContaining({ code: 'rule_unknown' }));
    expect(ruleInForce(versions, 'PS-01', 'property-steward', '2026-06-02T00:00:00Z', tz)).toMatchObject({ ruleVersion: 1, period: '2026-06' });
  });
  it('leaves a period to the version in force when it began', () => {
    expect(versionForPeriod(versions, '2026-H1', tz)?.version).toBe(1);
    expect(versionForPeriod(versions, '2026', tz)?.version).toBe(1);
    expect(versionForPeriod(versions, '2026-H2', tz)?.version).toBe(2);
  });
});
