/**
 * Starts the built service so that `node --cpu-prof` can write its profile: the service re-raises
 * SIGTERM after its shutdown hooks, and a process killed by a signal writes no profile, so this
 * entry exits normally on SIGTERM instead. Used by `npm run bench -- --profile`.
 */
import { join } from 'node:path';

process.once('SIGTERM', () => process.exit(0));
require(join(process.cwd(), 'dist', 'src', 'main.js'));
