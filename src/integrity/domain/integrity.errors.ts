import { answer, refusals } from '../../shared/domain/error-catalogue';

/** Why a checkpoint or a record proof cannot be made. */
export const refuseIntegrity = refusals({
  chain_empty: answer(409, 'the event log is empty: there is no head to sign yet'),
});
