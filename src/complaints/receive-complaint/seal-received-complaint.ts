import type { EventStore } from '../../shared/event-store/event-store.port';
import { refuseComplaint } from '../domain/complaint.errors';
import { loadEmployee } from '../../employees/load-employee';
import type { ReceiveComplaint } from '../domain/complaint.commands';
import type { Complainant, ComplaintReceived } from '../domain/complaint.events';
import type { ComplainantPrivacy } from '../privacy/complainant-privacy.service';

/** The complaint with the complainant in plain text, as the clerk sends it. */
export type ReceivedComplaint = Omit<ComplaintReceived['data'], 'complainant' | 'location' | 'description'> & {
  complainant: Complainant;
  subjectId: string;
  location?: string;
  description: string;
};

/**
 * Refuses a complaint about staff the ledger does not know (a typo no verdict could reach), then
 * seals the complainant, the location and the description under the complainant's key: they often
 * name or place the complainant. Nothing is stored in plain text.
 */
export async function sealReceivedComplaint(store: EventStore, privacy: ComplainantPrivacy, received: ReceivedComplaint): Promise<ReceiveComplaint['data']> {
  for (const [index, employeeId] of (received.concernsEmployeeIds ?? []).entries()) {
    if ((await loadEmployee(store, employeeId)).status !== 'registered') {
      throw refuseComplaint('employee_not_registered', `employee ${employeeId} is not registered`, { path: `concernsEmployeeIds[${index}]`, employeeId });
    }
  }
  const { subjectId, complainant, location, description, ...plain } = received;
  return {
    ...plain,
    complainant: await privacy.seal(subjectId, complainant),
    ...(location !== undefined ? { location: await privacy.sealText(subjectId, location) } : {}),
    description: await privacy.sealText(subjectId, description),
  };
}
