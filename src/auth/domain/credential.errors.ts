import { refusals, unprocessable } from '../../shared/domain/error-catalogue';

/** Why issuing a credential is refused. */
export const refuseCredential = refusals({
  token_malformed: unprocessable('a token is "al_" followed by 43 base64url characters'),
  expires_in_past: unprocessable('expiresAt must lie in the future'),
  roles_missing: unprocessable('a credential needs at least one role'),
  departments_missing: unprocessable('a supervisor credential names the departments the supervisor assesses'),
  employee_id_missing: unprocessable('an employee or panel-member credential names the employee it belongs to'),
});
