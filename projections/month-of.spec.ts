import { monthOf } from './month-of';

describe('monthOf', () => {
  it("gives the calendar month in the company's time zone", () => {
    expect(monthOf('2026-03-31T15:59:59.999Z', 'Asia/Shanghai')).toBe('2026-03');
    expect(monthOf('2026-03-31T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-04');
  });

  it('reads instants written with an offset', () => {
    expect(monthOf('2026-01-01T00:30:00+08:00', 'Asia/Shanghai')).toBe('2026-01');
    expect(monthOf('2026-01-01T00:30:00+08:00', 'UTC')).toBe('2025-12');
  });

  it('rejects what is not an instant', () => {
    expect(() => monthOf('not a date', 'Asia/Shanghai')).toThrow(/not an ISO-8601 instant/);
  });
});
