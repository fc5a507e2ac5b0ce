import { refusals, unprocessable } from '../../shared/domain/error-catalogue';

/** Why a talk, a talk's breach or its cancellation is refused. */
export const refuseTalk = refusals({
  talk_not_pending: unprocessable('the talk obligation was already held or cancelled'),
  held_in_future: unprocessable('heldAt lies in the future'),
  held_before_obligation: unprocessable('heldAt is earlier than the penalty that required the talk'),
  deadline_not_passed: unprocessable('the talk is not yet due'),
  supervisor_not_registered: unprocessable("the penalised employee's supervisor is not registered"),
  no_talk_policy: unprocessable('no service level defines the talk deadline'),
});
