import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { PlannedRequest, Sender } from '../demo/demo-company';

// the service runs in this process only to take the demo's requests: its request logs would drown the summary
process.env.LOG_LEVEL ??= 'warn';

/**
 * `npm run demo`: on an empty data directory, a year of a generated company's facts sent through
 * the HTTP API like any client's (the default rulebook in force, the year's public holidays
 * imported), then the service starts on it. A directory that already holds the demo is left as is.
 */
async function main(): Promise<void> {
  // required, not imported: the logger reads LOG_LEVEL when its module loads
  const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
  const { AppModule } = require('../app.module') as typeof import('../app.module');
  const { configureApp, startApp } = require('../app.setup') as typeof import('../app.setup');
  const { BootstrapAdmin } = require('../auth/credentials/bootstrap-admin') as typeof import('../auth/credentials/bootstrap-admin');
  const { CredentialsService } = require('../auth/credentials/credentials.service') as typeof import('../auth/credentials/credentials.service');
  const { APP_CONFIG } = require('../shared/config/app-config') as typeof import('../shared/config/app-config');
  const { EVENT_STORE } = require('../shared/event-store/event-store.port') as typeof import('../shared/event-store/event-store.port');
  const { defaultRulebook } = require('../rulebook/default-rulebook') as typeof import('../rulebook/default-rulebook');
  const { demoEmployees, demoMonths, demoOpenWork, demoPlan, PANEL_MEMBER } = require('../demo/demo-company') as typeof import('../demo/demo-company');
  const { settle } = require('../demo/settle') as typeof import('../demo/settle');

  const app: INestApplication = configureApp(await NestFactory.create(AppModule, { logger: ['error', 'warn'] }));
  try {
    await startApp(app);
    const config = app.get<import('../shared/config/app-config').AppConfig>(APP_CONFIG);
    const store = app.get<import('../shared/event-store/event-store.port').EventStore>(EVENT_STORE);
    if ((await store.readStream(`employee-${demoEmployees[0]!.employeeId}`)).length > 0) {
      console.log(`${config.dataDir} already holds the demo company: nothing added`);
      return;
    }
    // the demo joins only an empty store (a first start publishes the default rulebook, nothing else):
    // a company's own facts are never mixed with made-up ones
    const recorded = await store.readAll({ maxCount: 100 });
    const foreign = recorded.filter((event) => event.type !== 'RulebookVersionPublished');
    if (foreign.length > 0) {
      console.error(`${config.dataDir} already holds facts (${foreign[0]!.type} in ${foreign[0]!.streamName}, …): the demo seeds only an empty data directory; give it another DATA_DIR`);
      process.exitCode = 1;
      return;
    }
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const credentials = app.get(CredentialsService);
    const departments = [...new Set(demoEmployees.map((e) => e.department))];
    const issue = async (id: string, roles: import('../auth/domain/permission-matrix').Role[], employeeId?: string) =>
      (await credentials.issue({ id, roles, departments: roles.includes('supervisor') ? departments : [], ...(employeeId ? { employeeId } : {}) }, 'system:demo', null)).token;
    const tokens = new Map<string, string>([['operator', await issue('demo-operator', ['admin', 'clerk', 'supervisor', 'auditor'])], ['panel', await issue(`panel-${PANEL_MEMBER}`, ['panel-member'], PANEL_MEMBER)]]);
    const tokenOf = async (sender: Sender) => {
      const key = sender.as === 'employee' ? sender.employeeId : sender.as;
      if (!tokens.has(key)) tokens.set(key, await issue(key, ['employee'], key));
      return tokens.get(key)!;
    };
    const send = async (request: PlannedRequest) =>
      fetch(`${url}${request.path}`, { method: request.method, headers: { Authorization: `Bearer ${await tokenOf(request.sender)}`, 'Content-Type': 'application/json' }, body: JSON.stringify(request.body) });

    const now = new Date().toISOString();
    const months = demoMonths(now, defaultRulebook.effectiveFrom, config.timeZone);
    const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
    for (const year of years) {
      const imported = await send({ method: 'POST', path: '/working-calendar/public-holidays', body: { year }, sender: { as: 'operator' } });
      if (imported.status >= 400) console.log(`no public holidays imported for ${year} (${imported.status}): deadlines that year count weekends only`);
    }
    const plan: PlannedRequest[] = [...demoPlan(months, config.timeZone), ...demoOpenWork(now, config.timeZone)];
    let refused = 0;
    for (const request of plan) {
      // a month is closed once what its facts set off (consequences, breaches) is recorded
      if (request.path.endsWith('/close')) await settle(app);
      const response = await send(request);
      if (response.status >= 400) {
        refused += 1;
        if (refused <= 5) console.warn(`${request.method} ${request.path} answered ${response.status}: ${await response.text()}`);
      }
    }
    await settle(app);
    // most supervisors held the talk their staff's penalties call for (001:1239); a few are still owed
    const pending = await fetch(`${url}/talk-obligations?status=pending&limit=1000`, { headers: { Authorization: `Bearer ${await tokenOf({ as: 'operator' })}` } });
    const owed = (await pending.json()) as { items: { obligationId: string }[] };
    for (const [i, { obligationId }] of owed.items.entries()) {
      if (i % 5 === 4) continue;
      const response = await send({ method: 'POST', path: `/talk-obligations/${obligationId}/talk`, body: { heldAt: new Date().toISOString(), notes: 'talked it through' }, sender: { as: 'operator' } });
      if (response.status >= 400) refused += 1;
    }
    await settle(app);
    console.log(`demo company: ${demoEmployees.length} employees, ${months[0]} to ${months.at(-1)} (${months.length} months closed), ${plan.length - refused} requests recorded, ${refused} refused`);
    app.get(BootstrapAdmin).announce();
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
