import type { Decider, DomainEvent } from '../../shared/domain/decider';
import { refuseServiceLevels } from './service-levels.errors';
import { isSameFact } from '../../shared/domain/same-fact';
import type { ServiceLevelSettings, Target } from './service-level-policy';
import { parseClockTime } from './working-calendar';
import { withPublishedYear } from './public-holidays';
import type { PublishedYear } from './public-holidays';
import type { WorkingCalendar } from './working-calendar';

/**
 * The company's working calendar and service levels are event-sourced: each definition is an
 * event, and the newest one is in force. Deadlines already started keep what they were computed
 * with, because they are stored in their own events.
 */
export type WorkingCalendarDefined = DomainEvent<'WorkingCalendarDefined', { calendar: WorkingCalendar; definedAt: string }>;
export type ServiceLevelsDefined = DomainEvent<'ServiceLevelsDefined', { settings: ServiceLevelSettings; definedAt: string }>;
export type ServiceLevelsEvent = WorkingCalendarDefined | ServiceLevelsDefined;
export const serviceLevelsEventTypes = ['WorkingCalendarDefined', 'ServiceLevelsDefined'] as const;

/** A definition takes effect when it is recorded (`now`). */
export type ServiceLevelsCommand =
  | { type: 'DefineWorkingCalendar'; data: { calendar: WorkingCalendar }; now: string }
  /** A published year's holidays into the calendar in force (`otherwise` until one is defined). */
  | { type: 'ImportPublicHolidays'; data: { published: PublishedYear; otherwise: WorkingCalendar }; now: string }
  | { type: 'DefineServiceLevels'; data: { settings: ServiceLevelSettings }; now: string };

export interface ServiceLevelsState {
  calendar?: WorkingCalendar;
  settings?: ServiceLevelSettings;
}

export const serviceLevelsDecider: Decider<ServiceLevelsCommand, ServiceLevelsEvent, ServiceLevelsState> = {
  initialState: {},
  evolve(state, event) {
    return event.type === 'WorkingCalendarDefined' ? { ...state, calendar: event.data.calendar } : { ...state, settings: event.data.settings };
  },
  decide(command, state) {
    if (command.type === 'ImportPublicHolidays') {
      return defineCalendar(withPublishedYear(state.calendar ?? command.data.otherwise, command.data.published), state, command.now);
    }
    if (command.type === 'DefineWorkingCalendar') return defineCalendar(command.data.calendar, state, command.now);
    checkSettings(command.data.settings);
    if (state.settings && isSameFact(state.settings, command.data.settings)) return [];
    return [{ type: 'ServiceLevelsDefined', data: { ...command.data, definedAt: command.now } }];
  },
};

function defineCalendar(calendar: WorkingCalendar, state: ServiceLevelsState, now: string): ServiceLevelsEvent[] {
  checkCalendar(calendar);
  if (state.calendar && isSameFact(state.calendar, calendar)) return [];
  return [{ type: 'WorkingCalendarDefined', data: { calendar, definedAt: now } }];
}

export function checkCalendar(calendar: WorkingCalendar): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: calendar.timeZone });
  } catch {
    throw refuseServiceLevels('unknown_time_zone', `timeZone must be an IANA time zone, got ${calendar.timeZone}`, { path: 'timeZone' });
  }
  const open = parseClockTime(calendar.businessHours.start);
  const close = parseClockTime(calendar.businessHours.end);
  if (close <= open) throw refuseServiceLevels('business_hours_empty', 'businessHours.end must be later than businessHours.start', { path: 'businessHours.end' });
  const both = calendar.holidays.filter((date) => calendar.makeUpWorkingDays.includes(date));
  if (both.length > 0) throw refuseServiceLevels('holiday_and_make_up_day', `a date cannot be both a holiday and a make-up working day: ${both.join(', ')}`, { path: 'makeUpWorkingDays', dates: both });
  const hasWorkingDay = calendar.workingWeekdays.length > 0 || calendar.makeUpWorkingDays.length > 0;
  if (!hasWorkingDay) throw refuseServiceLevels('no_working_days', 'the calendar needs working weekdays', { path: 'workingWeekdays' });
}

const UNITS = ['minutes', 'hours', 'days', 'workingDays', 'sameDay'];

function checkTarget(target: Target | undefined, where: string): void {
  const ok = target && UNITS.includes(target.unit) && ['elapsed', 'workingTime'].includes(target.counting) && Number.isFinite(target.amount) && target.amount > 0;
  if (!ok) throw refuseServiceLevels('invalid_target', `${where}: a target needs amount > 0, unit (${UNITS.join(', ')}) and counting (elapsed or workingTime)`, { path: where });
}

/** What a breach or an upheld complaint costs is the rulebook's (each scheme's `consequences`). */
function refuseRules(where: string): never {
  throw refuseServiceLevels('consequences_belong_to_the_rulebook', `${where}: service levels hold time targets and calendars; what a breach or an upheld complaint costs is named by the rulebook's consequences`, { path: where });
}

export function checkSettings(settings: ServiceLevelSettings): void {
  for (const [i, policy] of settings.ticketPolicies.entries()) {
    if (typeof policy !== 'object' || policy === null) throw refuseServiceLevels('invalid_policy', `ticketPolicies[${i}] must be an object with policyId, kind, onReassignment and targets`, { path: `ticketPolicies[${i}]` });
    if (!policy.policyId || !policy.kind) throw refuseServiceLevels('invalid_policy', `ticketPolicies[${i}] needs policyId and kind`, { path: `ticketPolicies[${i}]` });
    if (!['keep', 'restart'].includes(policy.onReassignment)) throw refuseServiceLevels('invalid_policy', `ticketPolicies[${i}].onReassignment must be keep or restart`, { path: `ticketPolicies[${i}].onReassignment` });
    for (const [m, target] of Object.entries(policy.targets ?? {})) checkTarget(target, `ticketPolicies[${i}].targets.${m}`);
    if ('breachRules' in policy) refuseRules(`ticketPolicies[${i}].breachRules`);
  }
  checkTarget(settings.complaint?.targets?.handling, 'complaint.targets.handling');
  checkTarget(settings.complaint?.targets?.callback, 'complaint.targets.callback');
  if ('breachRules' in settings.complaint) refuseRules('complaint.breachRules');
  if ('upheldRules' in settings.complaint) refuseRules('complaint.upheldRules');
  checkTarget(settings.talk?.target, 'talk.target');
  if (settings.talk && 'breachRule' in settings.talk) refuseRules('talk.breachRule');
}
