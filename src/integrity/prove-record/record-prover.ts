import { NotFoundError } from '../../shared/domain/domain-error';
import { employeeSubject } from '../../shared/domain/subjects';
import type { EventStore, RecordedEvent } from '../../shared/event-store/event-store.port';
import type { HeadsTree } from '../domain/heads-tree';
import type { RecordProof } from '../domain/record-proof';

/**
 * An employee's record with its proof against a checkpoint signed for it (docs/integrity.md): from
 * the embedded store's one chain (LogRecordProver), or from EventStoreDB's chains per stream
 * (StreamRecordProver). The module picks the one the store keeps, as it picks the checkpointer.
 */
export abstract class RecordProver {
  abstract prove(employeeId: string): Promise<RecordProof>;
}

/** The employee's record as the store replays it; 404 for an employee never registered, as GET /employees/:id/record answers. */
export async function recordToProve(store: EventStore, employeeId: string): Promise<{ subject: string; record: RecordedEvent[] }> {
  const subject = employeeSubject(employeeId);
  const record = await store.readBySubject(subject);
  if (!record.some((event) => event.type === 'EmployeeRegistered')) throw new NotFoundError('employee', employeeId);
  return { subject, record };
}

/** The subject's leaf among the subjects' heads signed, and its audit path; none when the checkpoint saw no event of it. */
export function subjectPathOf(subjects: HeadsTree, subject: string): { index: number; path: Buffer[] } | undefined {
  const index = subjects.indexOf(subject);
  return index === undefined ? undefined : { index, path: subjects.levels().proof(index) };
}
