import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { CLOCK } from '../../src/shared/clock';
import type { Clock } from '../../src/shared/clock';
import { APP_CONFIG, loadConfig } from '../../src/shared/config/app-config';
import { READ_STORE } from '../../src/shared/read-store/read-store.port';
import type { ReadStore } from '../../src/shared/read-store/read-store.port';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

/** The whole service on the embedded stores in a fresh temporary data directory. */
export async function startTestApp(
  clock: Clock,
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-')),
  env: NodeJS.ProcessEnv = {},
  readStore?: ReadStore,
) {
  let builder = Test.createTestingModule({ imports: [AppModule] });
  if (readStore) builder = builder.overrideProvider(READ_STORE).useValue(readStore);
  const moduleRef = await builder
    .overrideProvider(APP_CONFIG)
    .useValue(loadConfig({ DATA_DIR: dataDir, COMPANY_TIME_ZONE: 'Asia/Shanghai', DEADLINE_WATCH_INTERVAL_MS: '0', ...env }))
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app: INestApplication = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  return { app, dataDir };
}
