import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PublishedYear } from '../domain/public-holidays';

/**
 * China's public holidays and make-up working days (调休) as the `chinese-days` package publishes
 * them (https://github.com/vsme/chinese-days, MIT: updated each year from the State Council's
 * notice), one JSON file per year. Undefined for a year it does not publish.
 */
export function publishedChineseYear(year: number): (PublishedYear & { source: string }) | undefined {
  const packageDir = dirname(require.resolve('chinese-days/package.json'));
  const file = join(packageDir, 'dist', 'years', `${year}.json`);
  if (!existsSync(file)) return undefined;
  const { holidays, workdays } = JSON.parse(readFileSync(file, 'utf8')) as { holidays: Record<string, string>; workdays: Record<string, string> };
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { year, holidays: Object.keys(holidays), makeUpWorkingDays: Object.keys(workdays), source: `chinese-days@${version}` };
}
