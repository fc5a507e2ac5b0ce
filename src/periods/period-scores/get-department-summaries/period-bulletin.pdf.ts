import PDFDocument from 'pdfkit';
import type { SignedCheckpoint } from '../../../integrity/domain/checkpoint';

export interface BulletinInput {
  period: string;
  threshold: number;
  departments: { department: string; staff: number; average: number; belowThreshold: boolean; grades: Record<string, number> }[];
  ranking: { companyRank: number; employeeId: string; department: string; normalised: number; grade: string }[];
  publishedAt: string;
  /** The chain checkpoint the period's close signed, printed so the published notice pins the log. */
  checkpoint: SignedCheckpoint | null;
}

/**
 * The period's bulletin (通报, 004:172) as a PDF, to publish and archive (004:176): the department
 * table against the threshold and the company ranking. Ids and codes only: the standard PDF fonts
 * hold no Chinese, and names belong to the directory, not to a notice.
 */
export function renderBulletin(input: BulletinInput): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Assessment bulletin ${input.period}`, Producer: 'assessment-ledger' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));

  pdf.fontSize(16).text(`Assessment bulletin, period ${input.period}`);
  pdf.fontSize(9).text(`Published ${input.publishedAt}; department threshold ${input.threshold}`).moveDown(0.5);
  pdf.fontSize(7).font('Courier').text(sealLine(input.checkpoint)).font('Helvetica').moveDown();
  const row = (cells: (string | number)[], widths: number[], bold = false) => {
    const y = pdf.y;
    let x = pdf.page.margins.left;
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      pdf.text(String(cell), x, y, { width: widths[i]!, lineBreak: false });
      x += widths[i]!;
    });
    pdf.moveDown(0.4);
    pdf.x = pdf.page.margins.left;
  };
  pdf.fontSize(12).font('Helvetica-Bold').text('Departments').moveDown(0.3);
  const departmentWidths = [120, 50, 60, 90, 180];
  row(['department', 'staff', 'average', 'below threshold', 'grades'], departmentWidths, true);
  for (const d of input.departments) row([d.department, d.staff, d.average, d.belowThreshold ? 'yes' : 'no', Object.entries(d.grades).map(([g, n]) => `${g} ${n}`).join(', ')], departmentWidths);
  pdf.moveDown();
  pdf.fontSize(12).font('Helvetica-Bold').text('Ranking').moveDown(0.3);
  const rankingWidths = [50, 100, 120, 70, 100];
  row(['rank', 'employee', 'department', 'score', 'grade'], rankingWidths, true);
  for (const r of input.ranking) row([r.companyRank, r.employeeId, r.department, r.normalised, r.grade], rankingWidths);
  pdf.end();
  return done;
}

/** The close's checkpoint in full, so anyone holding the notice and the public key can check the log against it. */
export function sealLine(checkpoint: SignedCheckpoint | null): string {
  if (!checkpoint) return 'Event log: no signed checkpoint (the period is not closed, or its store keeps no chain).';
  const { size, position, link, root, signedAt, keyId, signature } = checkpoint;
  return `Event log sealed at the close: ${size} events up to position ${position}; link ${link}; root ${root}; signed ${signedAt} by key ${keyId}; signature ${signature}`;
}
