import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { defaultServiceLevels } from '../../src/service-levels/domain/default-service-levels';

/** The calendar of the example: 1-7 October off, Sunday 27 September and Saturday 10 October worked. */
export const goldenWeekCalendar = {
  timeZone: 'Asia/Shanghai',
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpWorkingDays: ['2026-09-27', '2026-10-10'],
  businessHours: { start: '09:00', end: '18:00' },
};

/** Repairs resolved within 2 working days counted in working time; what missing it costs is the rulebook's. */
export const twoWorkingDaysForRepairs = {
  ...defaultServiceLevels,
  ticketPolicies: [
    {
      policyId: 'repair-2wd',
      kind: 'repair',
      targets: { resolution: { amount: 2, unit: 'workingDays', counting: 'workingTime' } },
      pausesWhileWaitingForCustomer: false,
      onReassignment: 'keep',
    },
  ],
};

export async function defineServiceLevels(http: Http): Promise<void> {
  await http.put('/working-calendar').send(goldenWeekCalendar).expect(200);
  await http.put('/service-levels').send(twoWorkingDaysForRepairs).expect(200);
}

/**
 * Staff whose breaches the default rulebook prices: the property site team (arrival 001:1947, 事不过夜
 * 001:1953, 3 points each) by default, a workshop director (who owes the talk of 001:1239) as supervisor.
 */
export async function registerStaff(http: Http, staff: { employeeId: string; supervisorId?: string; department?: string; position?: string }[]): Promise<void> {
  for (const { employeeId, supervisorId, department, position } of staff) {
    await http
      .post('/employees')
      .send({ employeeId, name: `Staff ${employeeId}`, department: department ?? 'repairs', position: position ?? 'property-site-team', ...(supervisorId ? { supervisorId } : {}) })
      .expect(201);
  }
}

/** An authenticated supertest agent (see operatorAgent in test/support/test-app.ts). */
export type Http = ReturnType<typeof request.agent>;
