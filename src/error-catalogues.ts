import { refuseCredential } from './auth/domain/credential.errors';
import { refuseAssessment } from './assessments/domain/assessment.errors';
import { refuseComplaint } from './complaints/domain/complaint.errors';
import { refuseConsequence } from './consequences/consequence.errors';
import { refuseDeduction } from './deductions/domain/deduction.errors';
import { refuseEmployee } from './employees/domain/employee.errors';
import { refuseParkedRetry } from './parked-consequences/domain/parked-consequence.errors';
import { refuseIntegrity } from './integrity/domain/integrity.errors';
import { refusePeriod } from './periods/domain/period.errors';
import { refuseUnderRulebook } from './rulebook/domain/rulebook.errors';
import { refuseServiceLevels } from './service-levels/domain/service-levels.errors';
import { entityErrors } from './shared/domain/error-catalogue';
import { httpErrors } from './shared/http/http-errors';
import type { NamedCatalogue } from './shared/http/error-table';
import type { ErrorCatalogue } from './shared/domain/error-catalogue';
import { refuseTalk } from './talks/domain/talk-obligation.errors';
import { refuseTicket } from './tickets/domain/ticket.errors';

/**
 * Every error code the service answers with, by feature, assembled here for docs/errors.md and
 * the OpenAPI document (both generated from this list and checked against it by a test).
 */
const byFeature: Record<string, ErrorCatalogue> = {
  'Requests (every route)': httpErrors,
  'Any entity': entityErrors,
  Employees: refuseEmployee.catalogue,
  Complaints: refuseComplaint.catalogue,
  Tickets: refuseTicket.catalogue,
  'Talk obligations': refuseTalk.catalogue,
  'Deductions, contests and hearings': refuseDeduction.catalogue,
  'Bonuses, ratings and surveys': refuseAssessment.catalogue,
  'Rulebook: applying a rule, publishing a version': refuseUnderRulebook.catalogue,
  Periods: refusePeriod.catalogue,
  'Working calendar and service levels': refuseServiceLevels.catalogue,
  'Consequences derived by the policies': refuseConsequence.catalogue,
  'Parked consequences': refuseParkedRetry.catalogue,
  Credentials: refuseCredential.catalogue,
  'Integrity: checkpoints and record proofs': refuseIntegrity.catalogue,
};

export const errorCatalogues: readonly NamedCatalogue[] = Object.entries(byFeature).map(([feature, errors]) => ({ feature, errors }));
