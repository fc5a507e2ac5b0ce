import type { Decider, DomainEvent } from '../../shared/domain/decider';
import { DomainError } from '../../shared/domain/domain-error';
import { isSameFact } from '../../shared/domain/same-fact';
import type { ServiceLevelSettings } from './service-level-policy';
import { parseClockTime } from './working-calendar';
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

export type ServiceLevelsCommand =
  | { type: 'DefineWorkingCalendar'; data: WorkingCalendarDefined['data'] }
  | { type: 'DefineServiceLevels'; data: ServiceLevelsDefined['data'] };

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
    if (command.type === 'DefineWorkingCalendar') {
      checkCalendar(command.data.calendar);
      if (state.calendar && isSameFact(state.calendar, command.data.calendar)) return [];
      return [{ type: 'WorkingCalendarDefined', data: command.data }];
    }
    if (state.settings && isSameFact(state.settings, command.data.settings)) return [];
    return [{ type: 'ServiceLevelsDefined', data: command.data }];
  },
};

export function checkCalendar(calendar: WorkingCalendar): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: calendar.timeZone });
  } catch {
    throw new DomainError('unknown_time_zone', `timeZone must be an IANA time zone, got ${calendar.timeZone}`);
  }
  const open = parseClockTime(calendar.businessHours.start);
  const close = parseClockTime(calendar.businessHours.end);
  if (close <= open) throw new DomainError('business_hours_empty', 'businessHours.end must be later than businessHours.start');
  const both = calendar.holidays.filter((date) => calendar.makeUpWorkingDays.includes(date));
  if (both.length > 0) throw new DomainError('holiday_and_make_up_day', `a date cannot be both a holiday and a make-up working day: ${both.join(', ')}`);
  const hasWorkingDay = calendar.workingWeekdays.length > 0 || calendar.makeUpWorkingDays.length > 0;
  if (!hasWorkingDay) throw new DomainError('no_working_days', 'the calendar needs working weekdays');
}
