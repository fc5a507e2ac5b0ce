import { foldProjection } from './fold';
import { createScoresProjection, type ScoreDocument } from './scores.projection';
import { deductionApplied, deductionContested, hearingRecorded } from './testing/events';
import { recorder } from './testing/recorded';

const scores = createScoresProjection({ timeZone: 'Asia/Shanghai' });

function given(...events: Parameters<ReturnType<typeof recorder>>[0][]) {
  const recorded = recorder();
  const stored = events.map((event) => recorded(event));
  return { documents: foldProjection(scores, stored), stored };
}

describe('scores projection', () => {
  it('starts a month at 100 and subtracts each deduction', () => {
    const { documents } = given(deductionApplied({ deductionId: 'D-1', points: 2 }), deductionApplied({ deductionId: 'D-2', points: 5, ruleCode: 'NOT-RECORDED' }));

    expect(documents.get('E-1:2026-03')).toMatchObject({
      employeeId: 'E-1',
      month: '2026-03',
      department: 'customer-service',
      position: 'steward',
      deductions: [{ deductionId: 'D-1', ruleCode: 'COMPLAINT-VALID', points: 2, status: 'applied', occurredAt: '2026-03-10T02:00:00.000Z' }, { deductionId: 'D-2', ruleCode: 'NOT-RECORDED', points: 5, status: 'applied' }],
      totalDeducted: 7,
      score: 93,
    });
  });

  it('never drives the score below zero (扣完为止)', () => {
    const { documents } = given(...Array.from({ length: 12 }, (_, i) => deductionApplied({ deductionId: `D-${i}`, points: 10 })));

    expect(documents.get('E-1:2026-03')).toMatchObject({ totalDeducted: 120, score: 0 });
  });

  it('sums decimal points without binary drift (0.1 + 0.2 deducts 0.3)', () => {
    const { documents } = given(deductionApplied({ deductionId: 'D-1', points: 0.1 }), deductionApplied({ deductionId: 'D-2', points: 0.2 }));

    expect(documents.get('E-1:2026-03')).toMatchObject({ totalDeducted: 0.3, score: 99.7 });
  });

  it('counts a deduction applied twice (the same id) once, with the points it was applied with last', () => {
    const { documents } = given(deductionApplied({ deductionId: 'D-1', points: 2 }), deductionApplied({ deductionId: 'D-1', points: 3 }));

    expect(documents.get('E-1:2026-03')).toMatchObject({ totalDeducted: 3, score: 97 });
  });

  it("puts a deduction just after midnight in Shanghai into the company's month, not UTC's", () => {
    const { documents } = given(deductionApplied({ occurredAt: '2026-03-31T16:30:00.000Z' }));

    expect([...documents.keys()]).toEqual(['E-1:2026-04']);
    expect(documents.get('E-1:2026-04')).toMatchObject({ month: '2026-04', score: 98 });
  });

  it('keeps one document per employee per month', () => {
    const { documents } = given(
      deductionApplied({ deductionId: 'D-1', occurredAt: '2026-03-10T02:00:00.000Z' }),
      deductionApplied({ deductionId: 'D-2', occurredAt: '2026-04-10T02:00:00.000Z' }),
      deductionApplied({ deductionId: 'D-3', employeeId: 'E-2' }),
    );

    expect([...documents.keys()].sort()).toEqual(['E-1:2026-03', 'E-1:2026-04', 'E-2:2026-03']);
  });

  it('marks a contested deduction without changing the score', () => {
    const { documents } = given(deductionApplied(), deductionContested());

    expect(documents.get('E-1:2026-03')).toMatchObject({ deductions: [{ deductionId: 'D-1', status: 'contested', points: 2 }], score: 98 });
  });

  it('places a contest in the month the deduction occurred, not the month of the contest', () => {
    const { documents } = given(
      deductionApplied({ deductionId: 'D-1', occurredAt: '2026-02-27T02:00:00.000Z' }),
      deductionApplied({ deductionId: 'D-2', occurredAt: '2026-03-02T02:00:00.000Z' }),
      deductionContested({ deductionId: 'D-1', deductionOccurredAt: '2026-02-27T02:00:00.000Z', contestedAt: '2026-03-03T02:00:00.000Z' }),
    );

    expect(documents.get('E-1:2026-02')?.deductions.find((d) => d.deductionId === 'D-1')?.status).toBe('contested');
    expect(documents.get('E-1:2026-03')?.deductions.find((d) => d.deductionId === 'D-2')?.status).toBe('applied');
  });

  it('keeps the points when a hearing upholds the deduction', () => {
    const { documents } = given(deductionApplied({ points: 5 }), deductionContested(), hearingRecorded({ outcome: 'upheld', originalPoints: 5, pointsInForce: 5 }));

    expect(documents.get('E-1:2026-03')).toMatchObject({ deductions: [{ deductionId: 'D-1', status: 'upheld', points: 5 }], score: 95 });
  });

  it('gives points back when a hearing reduces the deduction', () => {
    const { documents } = given(deductionApplied({ points: 5 }), deductionContested(), hearingRecorded({ outcome: 'reduced', originalPoints: 5, pointsInForce: 2 }));

    expect(documents.get('E-1:2026-03')).toMatchObject({ deductions: [{ deductionId: 'D-1', status: 'reduced', points: 2 }], totalDeducted: 2, score: 98 });
  });

  it('gives every point back when a hearing overturns the deduction', () => {
    const { documents } = given(deductionApplied({ points: 5 }), deductionContested(), hearingRecorded({ outcome: 'overturned', originalPoints: 5, pointsInForce: 0 }));

    expect(documents.get('E-1:2026-03')).toMatchObject({ deductions: [{ deductionId: 'D-1', status: 'overturned', points: 0 }], totalDeducted: 0, score: 100 });
  });

  it('lifts a floored score only by what the hearing gives back', () => {
    const { documents } = given(
      deductionApplied({ deductionId: 'D-1', points: 60 }),
      deductionApplied({ deductionId: 'D-2', points: 50 }),
      hearingRecorded({ deductionId: 'D-2', outcome: 'reduced', originalPoints: 50, pointsInForce: 20 }),
    );

    expect(documents.get('E-1:2026-03')).toMatchObject({ totalDeducted: 80, score: 20 });
  });

  it("applies a hearing to the deduction's month in the company's time zone", () => {
    const { documents } = given(
      deductionApplied({ occurredAt: '2026-03-31T16:30:00.000Z', points: 5 }),
      hearingRecorded({ deductionOccurredAt: '2026-03-31T16:30:00.000Z', outcome: 'overturned', originalPoints: 5, pointsInForce: 0 }),
    );

    expect(documents.get('E-1:2026-04')).toMatchObject({ score: 100 });
    expect(documents.has('E-1:2026-03')).toBe(false);
  });

  it('counts nothing twice when the same events are projected again', () => {
    const { documents, stored } = given(deductionApplied({ deductionId: 'D-1' }), deductionApplied({ deductionId: 'D-2', points: 3 }), deductionContested());
    const once = structuredClone(documents.get('E-1:2026-03'));

    foldProjection(scores, stored, documents);

    expect(documents.get('E-1:2026-03')).toEqual(once);
    expect(documents.get('E-1:2026-03')).toMatchObject<Partial<ScoreDocument>>({ totalDeducted: 5, score: 95 });
  });
});

describe('scores projection and withdrawn deductions', () => {
  it('gives every point back when a deduction is withdrawn', () => {
    const { documents } = given(
      deductionApplied({ deductionId: 'D-1', points: 2 }),
      deductionApplied({ deductionId: 'D-2', points: 3 }),
      { type: 'DeductionWithdrawn', data: { deductionId: 'D-1', employeeId: 'E-1', deductionOccurredAt: '2026-03-10T02:00:00.000Z', reason: 'verdict reversed', withdrawnAt: '2026-03-20T02:00:00.000Z' } },
    );
    expect(documents.get('E-1:2026-03')).toMatchObject({ deductions: [{ deductionId: 'D-1', status: 'withdrawn', points: 0 }, { deductionId: 'D-2', status: 'applied', points: 3 }], totalDeducted: 3, score: 97 });
  });
});

describe('scores projection, as its queries need it', () => {
  it('follows applied, contested, heard and withdrawn deductions, and not a late hearing, with an index per query', () => {
    const fresh = createScoresProjection({ timeZone: 'Asia/Shanghai' });
    expect(fresh.handles).toEqual(['DeductionApplied', 'DeductionContested', 'HearingRecorded', 'DeductionWithdrawn']);
    expect(fresh.indexes?.map((index) => index.fields)).toEqual([['employeeId', 'month'], ['month', 'department', 'employeeId', 'score', 'totalDeducted'], ['month', 'score']]);
  });
});

