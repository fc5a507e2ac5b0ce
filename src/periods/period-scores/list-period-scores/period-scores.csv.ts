import type { PeriodScoreView } from '../period-score.view';

const COLUMNS = ['companyRank', 'departmentRank', 'employeeId', 'period', 'department', 'position', 'total', 'maxTotal', 'normalised', 'grade', 'veto', 'openAppeals', 'sealedNormalised', 'corrected'] as const;

/** The rows as RFC 4180 CSV; parts as `code=points` pairs in one column. */
export function toCsv(rows: (PeriodScoreView & { companyRank: number; departmentRank: number })[]): string {
  const lines = [[...COLUMNS, 'parts'].join(',')];
  for (const row of rows) {
    const values: unknown[] = COLUMNS.map((c) => (c === 'sealedNormalised' ? row.sealed?.normalised ?? '' : row[c]));
    values.push(row.parts.map((p) => `${p.code}=${p.points}`).join(' '));
    lines.push(values.map(cell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function cell(value: unknown): string {
  const text = String(value ?? '');
  // A leading = + - @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
