import { Workbook } from 'exceljs';
import type { PeriodScoreView } from '../period-score.view';

type RankedRow = PeriodScoreView & { companyRank: number; departmentRank: number };

/** The sheet's columns and their widths, in characters. */
const COLUMNS: [string, number][] = [
  ['companyRank', 12], ['departmentRank', 14], ['employeeId', 12], ['department', 14], ['position', 22], ['total', 8], ['maxTotal', 9],
  ['normalised', 11], ['grade', 11], ['veto', 6], ['openAppeals', 12], ['sealedNormalised', 16], ['corrected', 10],
];

/** The rows as an Excel workbook (one sheet, a header row, numbers as numbers), for analysts who read them in a spreadsheet. */
export async function toXlsx(period: string, rows: RankedRow[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(`period ${period}`);
  sheet.columns = COLUMNS.map(([key, width]) => ({ header: key, key, width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow({ ...row, sealedNormalised: row.sealed?.normalised ?? null });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
