import { deciderSpecification } from '../../shared/testing/decider-specification';
import { complainantDecider } from './complainant.decider';
import { refuseComplaint } from './complaint.errors';

const spec = deciderSpecification(complainantDecider, refuseComplaint);
const now = '2026-04-01T00:00:00.000Z';
const erase = { type: 'EraseComplainant' as const, data: { subjectId: 'C-1', reason: 'the complainant asked' }, now };

describe('erasing a complainant', () => {
  it('records the erasure with its reason', () => {
    spec.given([]).when(erase).then([{ type: 'ComplainantErased', data: { subjectId: 'C-1', reason: 'the complainant asked', erasedAt: now } }]);
  });
  it('records nothing new when already erased', () => {
    spec.given([{ type: 'ComplainantErased', data: { subjectId: 'C-1', reason: 'first', erasedAt: now } }]).when(erase).then([]);
  });
});
