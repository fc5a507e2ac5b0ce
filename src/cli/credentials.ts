import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { CredentialsService } from '../auth/credentials/credentials.service';
import { ReadStoreCredentialStore } from '../auth/credentials/read-store-credential-store';
import { isRole } from '../auth/domain/permission-matrix';
import type { Role } from '../auth/domain/permission-matrix';
import { systemClock } from '../shared/clock';
import { loadConfig } from '../shared/config/app-config';
import { createReadStore } from '../shared/infrastructure/stores.factory';

const USAGE = `usage:
  npm run credentials -- issue --principal <id> --role <role> [--role <role> ...] [--department <id> ...] [--employee <id>] [--expires <ISO-8601>]
  npm run credentials -- revoke <credentialId>
  npm run credentials -- list`;

/** Issues, revokes and lists credentials in the configured store (the same DATA_DIR / MONGODB_URI as the service). */
async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      principal: { type: 'string' },
      role: { type: 'string', multiple: true },
      department: { type: 'string', multiple: true },
      employee: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  const [command, id] = positionals;
  const readStore = await createReadStore(loadConfig());
  const credentials = new CredentialsService(new ReadStoreCredentialStore(readStore), systemClock);
  try {
    if (command === 'issue' && values.principal && values.role?.every(isRole)) {
      const principal = { id: values.principal, roles: values.role as Role[], departments: values.department ?? [], ...(values.employee ? { employeeId: values.employee } : {}) };
      const issued = await credentials.issue(principal, 'cli', values.expires ? new Date(values.expires).toISOString() : null);
      console.log(JSON.stringify(issued, null, 2));
    } else if (command === 'revoke' && id) {
      if (!(await credentials.revoke(id))) throw new Error(`no credential ${id}`);
      console.log(`revoked ${id}`);
    } else if (command === 'list') {
      for (const { tokenHash, ...credential } of await credentials.list()) console.log(JSON.stringify(credential));
    } else {
      console.error(USAGE);
      process.exitCode = 2;
    }
  } finally {
    await readStore.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
