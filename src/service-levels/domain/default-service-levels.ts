import type { ServiceLevelSettings } from './service-level-policy';
import type { WorkingCalendar } from './working-calendar';

/**
 * What ships until the company defines its own (PUT /working-calendar, PUT /service-levels):
 * time targets and calendars, citing the seeds. What a breach or an upheld complaint costs is the
 * rulebook's (each scheme's `consequences`), never the service levels'.
 */
export const defaultWorkingCalendar = (timeZone: string): WorkingCalendar => ({
  timeZone,
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: [],
  makeUpWorkingDays: [],
  businessHours: { start: '09:00', end: '18:00' },
});

export const defaultServiceLevels: ServiceLevelSettings = {
  ticketPolicies: [
    {
      // an assistant technologist called for technical support is on site within 5 minutes (001:817)
      policyId: 'technical-support',
      kind: 'technical-support',
      targets: { arrival: { amount: 5, unit: 'minutes', counting: 'elapsed' } },
      pausesWhileWaitingForCustomer: false,
      onReassignment: 'keep',
    },
    {
      // a materials inspector samples within 10 minutes of being called (001:925)
      policyId: 'sampling',
      kind: 'sampling',
      targets: { arrival: { amount: 10, unit: 'minutes', counting: 'elapsed' } },
      pausesWhileWaitingForCustomer: false,
      onReassignment: 'keep',
    },
    {
      policyId: 'repair-urgent',
      kind: 'repair',
      priority: 'urgent',
      targets: {
        acknowledgement: { amount: 5, unit: 'minutes', counting: 'elapsed' },
        arrival: { amount: 15, unit: 'minutes', counting: 'elapsed' }, // 002:528
        resolution: { amount: 1, unit: 'sameDay', counting: 'elapsed' }, // 001:1953 事不过夜
      },
      pausesWhileWaitingForCustomer: true,
      onReassignment: 'keep',
    },
    {
      policyId: 'repair',
      kind: 'repair',
      targets: {
        acknowledgement: { amount: 10, unit: 'minutes', counting: 'elapsed' },
        arrival: { amount: 20, unit: 'minutes', counting: 'elapsed' }, // 001:1947
        resolution: { amount: 2, unit: 'workingDays', counting: 'workingTime' },
      },
      pausesWhileWaitingForCustomer: true,
      onReassignment: 'restart',
    },
    {
      policyId: 'complaint',
      kind: 'complaint',
      targets: { resolution: { amount: 2, unit: 'workingDays', counting: 'workingTime' } }, // 003:338
      pausesWhileWaitingForCustomer: false,
      onReassignment: 'keep',
    },
  ],
  complaint: {
    targets: {
      handling: { amount: 2, unit: 'workingDays', counting: 'workingTime' }, // 003:338-345
      callback: { amount: 48, unit: 'hours', counting: 'elapsed' }, // 001:2369
    },
  },
  talk: { target: { amount: 24, unit: 'hours', counting: 'elapsed' } }, // 001:1239
};
