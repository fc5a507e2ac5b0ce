import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorCatalogues } from '../error-catalogues';
import { renderErrorsDocument } from '../shared/http/error-table';

/** Writes docs/errors.md from the error catalogues: `npm run docs:errors`. */
const target = join(__dirname, '..', '..', '..', 'docs', 'errors.md');
writeFileSync(target, renderErrorsDocument(errorCatalogues));
console.log(`wrote ${target}`);
