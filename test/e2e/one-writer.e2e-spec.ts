import { freePort, ServiceProcess } from '../support/service-process';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { TEST_ADMIN_TOKEN } from '../support/test-app';

/** The embedded stores have one writer: a second instance on the same DATA_DIR refuses to start. */
describe('two instances on one DATA_DIR (real processes)', () => {
  let dataDir: string;
  const started: ServiceProcess[] = [];
  const instance = async () => {
    const service = new ServiceProcess(dataDir, await freePort(), { BOOTSTRAP_ADMIN_TOKEN: TEST_ADMIN_TOKEN });
    started.push(service);
    return service;
  };

  beforeAll(() => {
    dataDir = makeTempDir('one-writer');
  });
  afterAll(async () => {
    for (const service of started) await service.stop();
    removeDir(dataDir);
  });

  it('given one instance running, a second on its DATA_DIR refuses saying why while the first keeps serving; once the holder is killed (kill -9), a new instance starts', async () => {
    const first = await instance();
    await first.start();
    const second = await instance();
    await expect(second.start()).rejects.toThrow(/exited with 1/);
    expect(second.stderr).toContain(`DATA_DIR ${dataDir} is in use by another running instance (pid `);
    expect((await fetch(`${first.url}/health`)).status).toBe(200);

    await first.kill();
    const next = await instance();
    await next.start();
    expect((await fetch(`${next.url}/health`)).status).toBe(200);
  });
});
