import { DomainError } from '../../shared/domain/domain-error';
import { defaultServiceLevels } from './default-service-levels';
import { checkCalendar, checkSettings, serviceLevelsDecider } from './service-levels.decider';
import type { ServiceLevelsEvent } from './service-levels.decider';
import type { WorkingCalendar } from './working-calendar';
import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { ServiceLevelSettings } from './service-level-policy';
import { refuseServiceLevels } from './service-levels.errors';

const codeAndPath = (settings: unknown) => {
  try {
    checkSettings(settings as ServiceLevelSettings);
    return 'valid';
  } catch (error) {
    if (!(error instanceof DomainError)) return String(error);
    return /\w{3}/.test(error.message) ? `${error.code} at ${String((error.details as { path?: string }).path)}` : `${error.code} without a message`;
  }
};

describe('service levels hold time targets and calendars, not prices', () => {
  it('accepts the shipped defaults', () => {
    expect(codeAndPath(defaultServiceLevels)).toBe('valid');
  });

  it('refuses a rule named in the service levels, naming where: what a fact costs is the rulebook’s', () => {
    const policy = { ...defaultServiceLevels.ticketPolicies[0], breachRules: { arrival: { ruleCode: '001:817', points: 1 } } };
    expect(codeAndPath({ ...defaultServiceLevels, ticketPolicies: [policy] })).toBe('consequences_belong_to_the_rulebook at ticketPolicies[0].breachRules');
    expect(codeAndPath({ ...defaultServiceLevels, complaint: { ...defaultServiceLevels.complaint, upheldRules: {} } })).toBe('consequences_belong_to_the_rulebook at complaint.upheldRules');
    expect(codeAndPath({ ...defaultServiceLevels, talk: { ...defaultServiceLevels.talk, breachRule: { ruleCode: '001:1239', points: 2 } } })).toBe('consequences_belong_to_the_rulebook at talk.breachRule');
  });
});

describe('each target and policy, refused where it is wrong', () => {
  const policy = defaultServiceLevels.ticketPolicies[0];
  const withPolicy = (change: object) => ({ ...defaultServiceLevels, ticketPolicies: [{ ...policy, ...change }] });
  const target = { amount: 2, unit: 'hours', counting: 'workingTime' };
  it.each<[string, unknown, string]>([
    ['a policy that is no object', { ...defaultServiceLevels, ticketPolicies: [null] }, 'invalid_policy at ticketPolicies[0]'],
    ['a policy without an id', withPolicy({ policyId: '' }), 'invalid_policy at ticketPolicies[0]'],
    ['a policy without a kind', withPolicy({ kind: '' }), 'invalid_policy at ticketPolicies[0]'],
    ['a reassignment rule other than keep or restart', withPolicy({ onReassignment: 'pause' }), 'invalid_policy at ticketPolicies[0].onReassignment'],
    ['a target of no amount', withPolicy({ targets: { resolution: { ...target, amount: 0 } } }), 'invalid_target at ticketPolicies[0].targets.resolution'],
    ['a target of an endless amount', withPolicy({ targets: { resolution: { ...target, amount: Infinity } } }), 'invalid_target at ticketPolicies[0].targets.resolution'],
    ['a target in weeks', withPolicy({ targets: { resolution: { ...target, unit: 'weeks' } } }), 'invalid_target at ticketPolicies[0].targets.resolution'],
    ['a target counted in moons', withPolicy({ targets: { resolution: { ...target, counting: 'lunar' } } }), 'invalid_target at ticketPolicies[0].targets.resolution'],
    ['a complaint without a handling target', { ...defaultServiceLevels, complaint: { targets: { callback: target } } }, 'invalid_target at complaint.targets.handling'],
    ['a complaint without a callback target', { ...defaultServiceLevels, complaint: { targets: { handling: target } } }, 'invalid_target at complaint.targets.callback'],
    ['complaint breach rules', { ...defaultServiceLevels, complaint: { ...defaultServiceLevels.complaint, breachRules: {} } }, 'consequences_belong_to_the_rulebook at complaint.breachRules'],
    ['a talk without a target', { ...defaultServiceLevels, talk: {} }, 'invalid_target at talk.target'],
  ])('refuses %s', (_what, settings, expected) => {
    expect(codeAndPath(settings)).toBe(expected);
  });

  it.each([['minutes'], ['hours'], ['days'], ['workingDays'], ['sameDay']])('takes a target in %s, counted either way', (unit) => {
    for (const counting of ['elapsed', 'workingTime']) expect(codeAndPath(withPolicy({ targets: { resolution: { amount: 0.5, unit, counting } } }))).toBe('valid');
  });

  it('takes a policy without targets', () => {
    expect(codeAndPath(withPolicy({ targets: undefined }))).toBe('valid');
  });
});

describe('the working calendar', () => {
  const calendar: WorkingCalendar = { timeZone: 'Asia/Shanghai', workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-10-01'], makeUpWorkingDays: ['2026-10-10'], businessHours: { start: '09:00', end: '18:00' } };
  const refusal = (change: Partial<WorkingCalendar>) => {
    try {
      checkCalendar({ ...calendar, ...change });
      return 'valid';
    } catch (error) {
      return error instanceof DomainError && /\w{3}/.test(error.message) ? `${error.code} at ${String(error.details.path)}` : String(error);
    }
  };

  it.each<[string, Partial<WorkingCalendar>, string]>([
    ['a time zone that does not exist', { timeZone: 'Mars/Olympus' }, 'unknown_time_zone at timeZone'],
    ['business hours that end when they start', { businessHours: { start: '09:00', end: '09:00' } }, 'business_hours_empty at businessHours.end'],
    ['business hours that end before they start', { businessHours: { start: '18:00', end: '09:00' } }, 'business_hours_empty at businessHours.end'],
    ['a date both a holiday and a make-up day', { makeUpWorkingDays: ['2026-10-01'] }, 'holiday_and_make_up_day at makeUpWorkingDays'],
    ['no working day at all', { workingWeekdays: [], makeUpWorkingDays: [] }, 'no_working_days at workingWeekdays'],
  ])('refuses %s', (_what, change, expected) => {
    expect(refusal(change)).toBe(expected);
  });

  it('takes a calendar whose only working days are make-up days, and business hours of one minute', () => {
    expect(refusal({ workingWeekdays: [] })).toBe('valid');
    expect(refusal({ businessHours: { start: '09:00', end: '09:01' } })).toBe('valid');
  });

  describe('as the company defines it, again and again', () => {
    const spec = deciderSpecification(serviceLevelsDecider, refuseServiceLevels);
    const defined = (c: WorkingCalendar): ServiceLevelsEvent => ({ type: 'WorkingCalendarDefined', data: { calendar: c, definedAt: '2026-01-01T00:00:00.000Z' } });
    const settingsDefined: ServiceLevelsEvent = { type: 'ServiceLevelsDefined', data: { settings: defaultServiceLevels, definedAt: '2026-01-01T00:00:00.000Z' } };
    const define = (c: WorkingCalendar) => ({ type: 'DefineWorkingCalendar' as const, data: { calendar: c }, now: '2026-02-01T00:00:00.000Z' });
    const defineSettings = (settings = defaultServiceLevels) => ({ type: 'DefineServiceLevels' as const, data: { settings }, now: '2026-02-01T00:00:00.000Z' });

    it("imports a published year's holidays into the calendar in force, or into the default before any is defined", () => {
      const published = { year: 2026, holidays: ['2026-10-01', '2026-10-02'], makeUpWorkingDays: ['2026-10-10'] };
      const importing = (otherwise = calendar) => ({ type: 'ImportPublicHolidays' as const, data: { published, otherwise }, now: '2026-02-01T00:00:00.000Z' });
      const merged = { ...calendar, holidays: ['2026-10-01', '2026-10-02'], makeUpWorkingDays: ['2026-10-10'] };
      spec.given([]).when(importing()).then([{ type: 'WorkingCalendarDefined', data: { calendar: merged, definedAt: '2026-02-01T00:00:00.000Z' } }]);
      const ownHours = { ...calendar, businessHours: { start: '08:00', end: '17:00' }, holidays: ['2025-01-01'] };
      spec.given([defined(ownHours)]).when(importing()).then([{ type: 'WorkingCalendarDefined', data: { calendar: { ...ownHours, holidays: ['2025-01-01', '2026-10-01', '2026-10-02'], makeUpWorkingDays: ['2026-10-10'] }, definedAt: '2026-02-01T00:00:00.000Z' } }]);
      spec.given([defined(merged)]).when(importing()).then([]);
      const contradictory = { year: 2026, holidays: ['2026-10-10'], makeUpWorkingDays: ['2026-10-10'] };
      spec.given([]).when({ ...importing(), data: { published: contradictory, otherwise: calendar } }).thenThrows('holiday_and_make_up_day', { path: 'makeUpWorkingDays' });
    });

    it('records a first definition, appends nothing for the same one, and records a change', () => {
      spec.given([]).when(define(calendar)).then([{ type: 'WorkingCalendarDefined', data: { calendar, definedAt: define(calendar).now } }]);
      spec.given([defined(calendar)]).when(define(calendar)).then([]);
      const moved = { ...calendar, holidays: ['2026-10-02'] };
      spec.given([defined(calendar)]).when(define(moved)).then([{ type: 'WorkingCalendarDefined', data: { calendar: moved, definedAt: define(moved).now } }]);
    });

    it('keeps the calendar and the service levels apart', () => {
      spec.given([settingsDefined]).when(define(calendar)).then([{ type: 'WorkingCalendarDefined', data: { calendar, definedAt: define(calendar).now } }]);
      spec.given([defined(calendar)]).when(defineSettings()).then([{ type: 'ServiceLevelsDefined', data: { settings: defaultServiceLevels, definedAt: defineSettings().now } }]);
      spec.given([defined(calendar), settingsDefined]).when(defineSettings()).then([]);
      const state = [defined(calendar), settingsDefined].reduce(serviceLevelsDecider.evolve, serviceLevelsDecider.initialState);
      expect(state).toEqual({ calendar, settings: defaultServiceLevels });
    });

    it('refuses a broken definition whatever was defined before', () => {
      spec.given([defined(calendar)]).when(define({ ...calendar, timeZone: 'Nowhere/Else' })).thenThrows('unknown_time_zone');
      spec.given([settingsDefined]).when(defineSettings({ ...defaultServiceLevels, talk: {} as never })).thenThrows('invalid_target');
    });
  });
});

