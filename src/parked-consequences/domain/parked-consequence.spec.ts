import { DomainError } from '../../shared/domain/domain-error';
import { parkedConsequenceId } from '../parked-consequence-id';
import { backoffDelay, classifyError, parkConsequence, resolveConsequence, shouldRetry } from './parked-consequence';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300 };

describe('retrying and parking a derived command', () => {
  it('waits twice as long after each failed attempt, up to the maximum', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt))).toEqual([100, 200, 300, 300]);
  });

  it('parks a domain refusal at once, and a transient error after the last attempt', () => {
    const refusal = classifyError(new DomainError('employee_not_registered', 'employee E-9 is not registered'));
    expect(refusal).toEqual({ code: 'employee_not_registered', message: 'employee E-9 is not registered', permanent: true });
    expect(shouldRetry(policy, 1, refusal)).toBe(false);
    const transient = classifyError(new Error('No handler found for the command: "ApplyDeductionCommand"'));
    expect(transient.permanent).toBe(false);
    expect([1, 2, 3, 4].map((attempts) => shouldRetry(policy, attempts, transient))).toEqual([true, true, true, false]);
  });

  it('gives the same id to the same command of the same event, so parking twice writes one record', () => {
    expect(parkedConsequenceId('ev-1', 0, 1)).toBe(parkedConsequenceId('ev-1', 0, 1));
    expect(new Set([parkedConsequenceId('ev-1', 0, 1), parkedConsequenceId('ev-1', 0, 2), parkedConsequenceId('ev-1', 1, 1), parkedConsequenceId('ev-2', 0, 1)]).size).toBe(4);
  });

  it('keeps a resolved consequence with who resolved it and when', () => {
    const parked = parkConsequence({
      id: 'PC-1', eventId: 'ev-1', eventType: 'ComplaintVerdictRecorded', position: 7, saga: 0, index: 0,
      command: { type: 'ApplyDeductionCommand', payload: { data: { employeeId: 'E-9' } } },
      error: { code: 'employee_not_registered', message: 'x', permanent: true }, attempts: 1, now: '2026-10-12T02:00:00.000Z',
    });
    expect(parked).toMatchObject({ status: 'parked', cause: { eventId: 'ev-1', eventType: 'ComplaintVerdictRecorded', position: 7 }, attempts: 1 });
    expect(resolveConsequence(parked, '2026-10-13T02:00:00.000Z', 'supervisor-1')).toMatchObject({
      status: 'resolved', attempts: 2, resolution: { resolvedAt: '2026-10-13T02:00:00.000Z', resolvedBy: 'supervisor-1' },
    });
  });
});
