import { credentialErrors } from './auth/domain/credential.errors';
import { assessmentErrors } from './assessments/domain/assessment.errors';
import { complaintErrors } from './complaints/domain/complaint.errors';
import { consequenceErrors } from './consequences/consequence.errors';
import { deductionErrors } from './deductions/domain/deduction.errors';
import { employeeErrors } from './employees/domain/employee.errors';
import { parkedConsequenceErrors } from './parked-consequences/domain/parked-consequence.errors';
import { periodErrors } from './periods/domain/period.errors';
import { rulebookErrors } from './rulebook/domain/rulebook.errors';
import { serviceLevelErrors } from './service-levels/domain/service-levels.errors';
import { entityErrors } from './shared/domain/error-catalogue';
import { httpErrors } from './shared/http/http-errors';
import type { NamedCatalogue } from './shared/http/error-table';
import { talkObligationErrors } from './talks/domain/talk-obligation.errors';
import { ticketErrors } from './tickets/domain/ticket.errors';

/**
 * Every error code the service answers with, by feature, assembled here for docs/errors.md and
 * the OpenAPI document (both generated from this list and checked against it by a test).
 */
export const errorCatalogues: readonly NamedCatalogue[] = [
  { feature: 'Requests (every route)', errors: httpErrors },
  { feature: 'Any entity', errors: entityErrors },
  { feature: 'Employees', errors: employeeErrors },
  { feature: 'Complaints', errors: complaintErrors },
  { feature: 'Tickets', errors: ticketErrors },
  { feature: 'Talk obligations', errors: talkObligationErrors },
  { feature: 'Deductions, contests and hearings', errors: deductionErrors },
  { feature: 'Bonuses, ratings and surveys', errors: assessmentErrors },
  { feature: 'Rulebook: applying a rule, publishing a version', errors: rulebookErrors },
  { feature: 'Periods', errors: periodErrors },
  { feature: 'Working calendar and service levels', errors: serviceLevelErrors },
  { feature: 'Consequences derived by the policies', errors: consequenceErrors },
  { feature: 'Parked consequences', errors: parkedConsequenceErrors },
  { feature: 'Credentials', errors: credentialErrors },
];
