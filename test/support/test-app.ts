import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { BootstrapAdmin } from '../../src/auth/credentials/bootstrap-admin';
import { CredentialsService } from '../../src/auth/credentials/credentials.service';
import type { Role } from '../../src/auth/domain/permission-matrix';
import { configureApp, startApp } from '../../src/app.setup';
import { CLOCK } from '../../src/shared/clock';
import type { Clock } from '../../src/shared/clock';
import { APP_CONFIG, loadConfig } from '../../src/shared/config/app-config';
import { READ_STORE } from '../../src/shared/read-store/read-store.port';
import type { ReadStore } from '../../src/shared/read-store/read-store.port';
import { makeTempDir, removeDir } from './temp-dir';

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

/** Registered through BOOTSTRAP_ADMIN_TOKEN as the admin credential of every test app. */
export const TEST_ADMIN_TOKEN = 'al_test-admin-token-00000000000000000000000000';

export interface TestPrincipal {
  id: string;
  roles: Role[];
  departments?: string[];
  employeeId?: string;
}

/**
 * The whole service on the embedded stores, with an admin token and `tokenFor(principal)` to issue
 * a credential for the roles a test needs. Without a `dataDir` it runs in a fresh temporary folder
 * that `app.close()` removes; a test that passes its own folder (to restart on it) removes it itself.
 */
export async function startTestApp(
  clock: Clock,
  dataDir?: string,
  env: NodeJS.ProcessEnv = {},
  readStore?: ReadStore,
) {
  const ownDataDir = dataDir === undefined ? makeTempDir('e2e') : undefined;
  const dir = dataDir ?? ownDataDir!;
  let app: INestApplication | undefined;
  try {
    let builder = Test.createTestingModule({ imports: [AppModule] });
    if (readStore) builder = builder.overrideProvider(READ_STORE).useValue(readStore);
    const moduleRef = await builder
      .overrideProvider(APP_CONFIG)
      .useValue(loadConfig({ DATA_DIR: dir, COMPANY_TIME_ZONE: 'Asia/Shanghai', BOOTSTRAP_ADMIN_TOKEN: TEST_ADMIN_TOKEN, DEADLINE_WATCH_INTERVAL_MS: '0', ...env }))
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    app = configureApp(moduleRef.createNestApplication({ logger: false }));
    await startApp(app);
    app.get(BootstrapAdmin).announce();
  } catch (error) {
    await app?.close().catch(() => undefined);
    removeDir(ownDataDir);
    throw error;
  }
  if (ownDataDir) {
    const close = app.close.bind(app);
    app.close = async () => {
      try {
        await close();
      } finally {
        removeDir(ownDataDir);
      }
    };
  }
  const credentials = app.get(CredentialsService);
  const tokenFor = async ({ id, roles, departments = [], employeeId }: TestPrincipal): Promise<string> =>
    (await credentials.issue({ id, roles, departments, ...(employeeId ? { employeeId } : {}) }, 'test')).token;
  return { app, dataDir: dir, adminToken: env.BOOTSTRAP_ADMIN_TOKEN ?? TEST_ADMIN_TOKEN, tokenFor };
}

/** The header that authenticates a request with the token. */
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * A supertest agent that authenticates every request as an operator holding the back-office
 * roles (admin, clerk, supervisor of `departments`, auditor): for tests about behaviour, not access.
 */
export async function operatorAgent(
  app: INestApplication,
  tokenFor: (principal: TestPrincipal) => Promise<string>,
  departments: string[] = ['repairs'],
) {
  const token = await tokenFor({ id: 'operator-1', roles: ['admin', 'clerk', 'supervisor', 'auditor'], departments });
  return agentWith(app, token);
}

export function agentWith(app: INestApplication, token: string) {
  return request.agent(app.getHttpServer()).set(bearer(token));
}
