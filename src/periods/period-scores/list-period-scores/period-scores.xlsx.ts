import { Workbook } from 'exceljs';
import type { SignedCheckpoint } from '../../../integrity/domain/checkpoint';
import type { PeriodScoreView } from '../period-score.view';

type RankedRow = PeriodScoreView & { companyRank: number; departmentRank: number };

/** The sheet's columns and their widths, in characters. */
const COLUMNS: [string, number][] = [
  ['companyRank', 12], ['departmentRank', 14], ['employeeId', 12], ['department', 14], ['position', 22], ['total', 8], ['maxTotal', 9],
  ['normalised', 11], ['grade', 11], ['veto', 6], ['openAppeals', 12], ['sealedNormalised', 16], ['corrected', 10],
];

/**
 * The rows as an Excel workbook (a header row, numbers as numbers), for analysts who read them in a
 * spreadsheet; a closed period's file carries the checkpoint its seal recorded on a second sheet,
 * so the file pins the event log the scores came from (docs/integrity.md).
 */
export async function toXlsx(period: string, rows: RankedRow[], checkpoint: SignedCheckpoint | null): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(`period ${period}`);
  sheet.columns = COLUMNS.map(([key, width]) => ({ header: key, key, width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow({ ...row, sealedNormalised: row.sealed?.normalised ?? null });
  if (checkpoint) addCheckpointSheet(workbook, checkpoint);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addCheckpointSheet(workbook: Workbook, checkpoint: SignedCheckpoint): void {
  const sheet = workbook.addWorksheet('checkpoint');
  sheet.columns = [{ header: 'field', key: 'field', width: 12 }, { header: 'value', key: 'value', width: 100 }];
  sheet.getRow(1).font = { bold: true };
  for (const [field, value] of Object.entries(checkpoint)) sheet.addRow({ field, value });
  sheet.addRow({});
  sheet.addRow({ field: 'verify', value: "the period's seal: check a copy of the event log against it with npm run verify and the public key (docs/integrity.md)" });
}
