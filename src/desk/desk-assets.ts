import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { static as serveStatic } from 'express';

/** The folder holding package.json, found upwards from here (the sources run from src/ or dist/src/). */
function projectRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/**
 * The desk at /app: a static page (src/desk/public) that reads the API with the reader's own token,
 * and Chart.js from its package for the dashboard's chart. The files hold no data, so they are public.
 */
export function serveDesk(app: INestApplication): void {
  app.use('/app/vendor', serveStatic(path.dirname(require.resolve('chart.js')), { index: false }));
  app.use('/app', serveStatic(path.join(projectRoot(), 'src', 'desk', 'public')));
}
