import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { errorCatalogues } from './error-catalogues';
import { conflictingStatuses, errorCodes, renderErrorsDocument } from './shared/http/error-table';

const root = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

const sources = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'projections'))].map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

describe('the error catalogues', () => {
  it('are what docs/errors.md shows: `npm run docs:errors` writes it again after a change', () => {
    expect(readFileSync(join(root, 'docs', 'errors.md'), 'utf8')).toBe(renderErrorsDocument(errorCatalogues));
  });

  it('are reachable from the README', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('(docs/errors.md)');
  });

  it('give a code the same status wherever it is listed: a client keys on the code', () => {
    expect(conflictingStatuses(errorCatalogues)).toEqual([]);
    expect(conflictingStatuses([{ feature: 'a', errors: { x: { status: 422, message: 'x' } } }, { feature: 'b', errors: { x: { status: 404, message: 'x' } } }])).toEqual(['x']);
  });

  it('say in words what every code means', () => {
    for (const { errors } of errorCatalogues) for (const { message } of Object.values(errors)) expect(message).toMatch(/\w{3}/);
  });

  it('are all listed at the composition root: a feature catalogue left out would be missing from the docs', () => {
    const catalogueFiles = sources.filter(({ path }) => path.endsWith('.errors.ts')).map(({ path }) => path.replace(/^src\//, './').replace(/\.ts$/, ''));
    const root = sources.find(({ path }) => path === 'src/error-catalogues.ts')!.text;
    expect(catalogueFiles.length).toBeGreaterThan(10);
    for (const file of catalogueFiles) expect(root).toContain(`from '${file}'`);
  });

  it('are the only way to refuse: no DomainError is built outside its catalogue function', () => {
    const direct = sources.filter(({ path, text }) => path !== 'src/shared/domain/error-catalogue.ts' && /new DomainError\(/.test(text));
    expect(direct.map(({ path }) => path)).toEqual([]);
  });

  /** Codes in the source that never reach a client as an error answer. */
  const notAnswers: Record<string, string> = {
    duplicate_key: 'a unique-index conflict in a read store, met inside the projector and the lease',
    data_dir_in_use: 'a second process refused at start, before any request',
    error: "a parked consequence's transient failure, a field of its document",
  };

  it('list every code the HTTP edge writes itself', () => {
    const written = sources.flatMap(({ text }) => [...text.matchAll(/\bcode(?::| =) '([a-z_.]+)'/g)].map((match) => match[1])).filter((code) => !(code in notAnswers));
    expect(written.length).toBeGreaterThan(10);
    const listed = new Set(errorCodes(errorCatalogues));
    expect(written.filter((code) => !listed.has(code))).toEqual([]);
  });
});
