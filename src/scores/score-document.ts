/** The shape of a `scores` read-model document (built by projections/scores.projection.ts). */
export type ScoreDocument = {
  _id: string;
  employeeId: string;
  month: string;
  department: string;
  position: string;
  deductions: Record<string, { ruleCode: string; points: number; occurredAt: string; status: string }>;
  totalDeducted: number;
  score: number;
};

export type EmployeeDocument = {
  _id: string;
  employeeId: string;
  name: string;
  department: string;
  position: string;
  supervisorId?: string;
};

/** The full score of a month without deductions. */
export const FULL_SCORE = 100;
