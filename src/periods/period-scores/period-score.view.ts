import type { PeriodScoreDocument } from '../../../projections/period-scores.projection';

/** What analysts see of a period score: figures, parts, appeals and corrections; no scheme copy. */
export function periodScoreView(doc: PeriodScoreDocument) {
  const { score, sealed } = doc;
  return {
    employeeId: doc.employeeId,
    period: doc.period,
    department: doc.department,
    position: doc.position,
    schemeVersion: doc.schemeVersion,
    total: score.total,
    maxTotal: score.maxTotal,
    normalised: score.normalised,
    grade: score.grade,
    veto: score.veto,
    rated: score.rated,
    adjustments: score.adjustments,
    parts: score.parts,
    openAppeals: doc.openAppeals,
    sealed: sealed && { normalised: sealed.score.normalised, total: sealed.score.total, grade: sealed.score.grade, parts: sealed.score.parts, closedAt: sealed.closedAt },
    corrected: doc.corrected,
    corrections: doc.corrections,
    items: Object.entries(doc.items).map(([id, item]) => ({ id, ...item })),
  };
}

export type PeriodScoreView = ReturnType<typeof periodScoreView>;
