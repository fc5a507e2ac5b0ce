import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../shared/config/app-config';
import { systemClock } from '../shared/clock';
import { createEventStore, describeStores } from '../shared/infrastructure/stores.factory';
import { eventSchemas } from '../event-schemas';
import { defaultWorkingCalendar } from '../service-levels/domain/default-service-levels';
import { DefineServiceLevelsCommand } from '../service-levels/define-service-levels/define-service-levels.command';
import { DefineServiceLevelsHandler } from '../service-levels/define-service-levels/define-service-levels.handler';
import { publishedChineseYear } from '../service-levels/import-public-holidays/chinese-days.source';

/**
 * `npm run import-holidays -- 2026`: the year's public holidays and make-up working days, as the
 * chinese-days package publishes them, into the working calendar (a new version; other years kept).
 * The same as `POST /working-calendar/public-holidays`; importing the same year again appends nothing.
 */
async function main(yearArgument: string | undefined): Promise<void> {
  const year = Number(yearArgument);
  if (!Number.isInteger(year)) {
    console.error('usage: npm run import-holidays -- <year>');
    process.exitCode = 2;
    return;
  }
  const published = publishedChineseYear(year);
  if (!published) {
    console.error(`the public-holiday source publishes no holidays for ${year}`);
    process.exitCode = 1;
    return;
  }
  const { source, ...publishedYear } = published;
  const config = loadConfig();
  const store = await createEventStore(config, eventSchemas);
  try {
    console.log(describeStores(config));
    const id = randomUUID();
    const command = { type: 'ImportPublicHolidays' as const, data: { published: publishedYear, otherwise: defaultWorkingCalendar(config.timeZone) } };
    const result = await new DefineServiceLevelsHandler(store, systemClock).execute(new DefineServiceLevelsCommand(command, { actor: 'system:import-holidays', correlationId: id, causationId: id }));
    const what = `${publishedYear.holidays.length} holidays and ${publishedYear.makeUpWorkingDays.length} make-up working days of ${year} (${source})`;
    console.log(result.appended ? `imported ${what} as a new calendar version` : `the calendar already holds the ${what}`);
  } finally {
    await store.close();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
