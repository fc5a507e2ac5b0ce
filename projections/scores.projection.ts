import type { DeductionEvent } from '../src/deductions/domain/deduction.events';
import { selectedTypes } from '../src/shared/domain/decider';
import { monthOf } from './month-of';
import type { DocumentFields, ProjectedDocument, Projection } from '../src/shared/projector/projection';
import { readModelName } from '../src/shared/projector/projection';
import { type RecordedEach, unhandled } from './recorded-event';

export const deductionStatuses = ['applied', 'contested', 'upheld', 'reduced', 'overturned', 'withdrawn'] as const;
export type DeductionStatus = (typeof deductionStatuses)[number];

export interface ScoredDeduction {
  deductionId: string;
  ruleCode: string;
  /** Points in force: the applied points until a hearing changes them. */
  points: number;
  occurredAt: string;
  status: DeductionStatus;
}

/** An employee's month: every deduction that occurred in it (company time zone) and the score. */
export interface ScoreDocument extends ProjectedDocument {
  employeeId: string;
  /** `YYYY-MM` in the company's time zone. */
  month: string;
  department: string;
  position: string;
  /**
   * In the order applied. A list, not a map keyed by id: a month's fold copies it once per event,
   * and copying a list is a block copy where copying a many-keyed object is a rehash (the record
   * replay of a month with hundreds of deductions spent most of its time there).
   */
  deductions: ScoredDeduction[];
  totalDeducted: number;
  /** 100 minus the points in force, never below 0 (扣完为止). */
  score: number;
}

export const FULL_SCORE = 100;

// a late hearing costs the panel nothing here: it is on the overdue board, not in the score
const scoredEventTypes = selectedTypes<DeductionEvent['type']>()({ DeductionApplied: true, DeductionContested: true, HearingRecorded: true, DeductionWithdrawn: true, HearingDeadlineBreached: false });
type ScoresEvent = RecordedEach<Extract<DeductionEvent, { type: (typeof scoredEventTypes)[number] }>>;
type ScoreFields = DocumentFields<ScoreDocument>;

export function scoreDocumentId(employeeId: string, month: string): string {
  return `${employeeId}:${month}`;
}

/** How queries reach this read model. */
export const scoresReadModel = readModelName<ScoreDocument>('scores');

export function createScoresProjection({ timeZone }: { timeZone: string }): Projection<ScoreDocument, ScoresEvent> {
  return {
    name: scoresReadModel.name,
    version: 3,
    handles: scoredEventTypes,
    indexes: [
      { fields: ['employeeId', 'month'], types: { employeeId: 'string', month: 'string' } },
      // a department's month ranked from this index alone (the ranking reads no document)
      {
        fields: ['month', 'department', 'employeeId', 'score', 'totalDeducted'],
        types: { month: 'string', department: 'string', employeeId: 'string', score: 'number', totalDeducted: 'number' },
      },
      { fields: ['month', 'score'], types: { month: 'string', score: 'number' } },
    ],

    documentIds(e: ScoresEvent): string[] {
      switch (e.type) {
        case 'DeductionApplied':
          return [scoreDocumentId(e.data.employeeId, monthOf(e.data.occurredAt, timeZone))];
        case 'DeductionContested':
        case 'HearingRecorded':
        case 'DeductionWithdrawn':
          return [scoreDocumentId(e.data.employeeId, monthOf(e.data.deductionOccurredAt, timeZone))];
        default:
          return unhandled(e, []);
      }
    },

    evolve(doc: ScoreDocument | null, e: ScoresEvent, documentId: string): ScoreFields | null {
      switch (e.type) {
        case 'DeductionApplied': {
          const { employeeId, department, position, deductionId, ruleCode, points, occurredAt } = e.data;
          const base: ScoreFields = doc ?? {
            _id: documentId,
            employeeId,
            month: monthOf(occurredAt, timeZone),
            department,
            position,
            deductions: [],
            totalDeducted: 0,
            score: FULL_SCORE,
          };
          return withDeduction(base, { deductionId, ruleCode, points, occurredAt, status: 'applied' });
        }
        case 'DeductionContested':
          return doc && changeDeduction(doc, e.data.deductionId, (deduction) => ({ ...deduction, status: 'contested' }));
        case 'HearingRecorded':
          return (
            doc &&
            changeDeduction(doc, e.data.deductionId, (deduction) => ({
              ...deduction,
              points: e.data.pointsInForce,
              status: e.data.outcome,
            }))
          );
        case 'DeductionWithdrawn':
          return doc && changeDeduction(doc, e.data.deductionId, (deduction) => ({ ...deduction, points: 0, status: 'withdrawn' }));
        default:
          return unhandled(e, doc);
      }
    },
  };
}

function changeDeduction(
  doc: ScoreFields,
  deductionId: string,
  change: (deduction: ScoredDeduction) => ScoredDeduction,
): ScoreFields {
  const deduction = doc.deductions.find((candidate) => candidate.deductionId === deductionId);
  if (!deduction) return doc;
  return withDeduction(doc, change(deduction));
}

/**
 * The deduction in place of any earlier state of it, the total moved by the difference: applying
 * the same fact twice cannot count twice, and the fold stays linear (no re-summing every deduction
 * of the month per event).
 */
function withDeduction(doc: ScoreFields, deduction: ScoredDeduction): ScoreFields {
  const index = doc.deductions.findIndex((candidate) => candidate.deductionId === deduction.deductionId);
  const before = index < 0 ? 0 : doc.deductions[index].points;
  // rounded: points carry at most two decimals, and sums of binary fractions drift
  const totalDeducted = Math.round((doc.totalDeducted - before + deduction.points) * 1e6) / 1e6;
  const deductions = [...doc.deductions];
  deductions[index < 0 ? deductions.length : index] = deduction;
  return { ...doc, deductions, totalDeducted, score: Math.max(0, FULL_SCORE - totalDeducted) };
}
