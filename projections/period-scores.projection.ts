import type { RecordedEvent } from '../src/shared/event-store/event-store.port';
import { evolvePeriodRecord, periodRecordEventTypes, periodRecordIdOf } from '../src/periods/domain/period-record';
import type { PeriodRecord } from '../src/periods/domain/period-record';
import type { DocumentFields, ProjectedDocument, Projection } from '../src/shared/projector/projection';
import { readModelName } from '../src/shared/projector/projection';

/**
 * An employee's assessment period under the rulebook: items, parts, total, normalised total and
 * grade (all from the one scoring function), open appeals, the sealed figure once the period is
 * closed and whether a later correction moved the live figure away from it. Top-level copies of
 * the figures analysts filter and sort on.
 */
export interface PeriodScoreDocument extends ProjectedDocument, PeriodRecord {
  normalised: number;
  grade: string;
  veto: boolean;
  corrected: boolean;
}

/** How queries reach this read model. */
export const periodScoresReadModel = readModelName<PeriodScoreDocument>('period-scores');

export function createPeriodScoresProjection(): Projection<PeriodScoreDocument> {
  return {
    name: periodScoresReadModel.name,
    // 2: a survey result replaces the earlier one for the same rule and period instead of adding to it
    version: 2,
    handles: periodRecordEventTypes,
    indexes: [
      { fields: ['period', 'department'], types: { period: 'string', department: 'string' } },
      { fields: ['employeeId', 'period'], types: { employeeId: 'string', period: 'string' } },
      { fields: ['period', 'normalised'], types: { period: 'string', normalised: 'number' } },
    ],
    documentIds(event: RecordedEvent): string[] {
      const id = periodRecordIdOf(event);
      return id ? [id] : [];
    },
    evolve(doc: PeriodScoreDocument | null, event: RecordedEvent, documentId: string): DocumentFields<PeriodScoreDocument> | null {
      const record = doc && toRecord(doc);
      const next = evolvePeriodRecord(record, event);
      if (next === record) return doc;
      if (!next) return null;
      const { score, sealed } = next;
      const corrected = sealed !== null && (sealed.score.normalised !== score.normalised || sealed.score.grade !== score.grade);
      return { _id: documentId, ...next, normalised: score.normalised, grade: score.grade, veto: score.veto, corrected };
    },
  };
}

function toRecord(doc: PeriodScoreDocument): PeriodRecord {
  const { _id, _position, normalised, grade, veto, corrected, ...record } = doc;
  return record;
}
