import { createAuditTrailProjection } from './audit-trail.projection';
import { createEmployeesProjection } from './employees.projection';
import { createOpenTicketsProjection } from './overdue.projection';
import type { Projection } from '../src/shared/projector/projection';
import { createScoresProjection } from './scores.projection';
import { createPeriodScoresProjection } from './period-scores.projection';
import { createTalkObligationsProjection } from './talk-obligations.projection';

export interface ProjectionsConfig {
  /** IANA time zone of the company, e.g. `Asia/Shanghai`: calendar months are counted in it. */
  timeZone: string;
}

/** Every read model of the service, in the order the projector runs them. */
export function createProjections({ timeZone }: ProjectionsConfig): Projection[] {
  return [
    createEmployeesProjection(),
    createScoresProjection({ timeZone }),
    createOpenTicketsProjection(),
    createAuditTrailProjection(),
    createPeriodScoresProjection(),
    createTalkObligationsProjection(),
  ];
}

export * from './month-of';
export * from './recorded-event';
export * from './scores.projection';
export * from './employees.projection';
export * from './overdue.projection';
export * from './audit-trail.projection';
export * from './period-scores.projection';
export * from './talk-obligations.projection';
