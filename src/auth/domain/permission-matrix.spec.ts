import * as fs from 'node:fs';
import * as path from 'node:path';
import { permissionMatrix, permissions, roles } from './permission-matrix';

/** The table in docs/security.md between `<!-- permission-matrix -->` and `<!-- /permission-matrix -->`. */
function documentedMatrix(): string[][] {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../../docs/security.md'), 'utf8');
  const table = /<!-- permission-matrix -->([\s\S]*?)<!-- \/permission-matrix -->/.exec(readme)?.[1] ?? '';
  return table
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('|---'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/`/g, '')));
}

describe('the permission matrix', () => {
  it('is documented in docs/security.md exactly as the guard enforces it', () => {
    const expected = [['permission', ...roles], ...permissions.map((p) => [p, ...roles.map((r) => permissionMatrix[r][p] ?? '')])];
    expect(documentedMatrix()).toEqual(expected);
  });

  it('gives the auditor every read and no command, and nobody but admin the credentials', () => {
    // signing the chain's head (integrity:sign) and proving a record record no fact: they take evidence away
    const auditor = Object.keys(permissionMatrix.auditor);
    expect(auditor.every((p) => /:(read|replay|prove|sign)$/.test(p))).toBe(true);
    expect(auditor.filter((p) => /:(prove|sign)$/.test(p))).toEqual(['records:prove', 'integrity:sign']);
    expect(roles.filter((r) => permissionMatrix[r]['credentials:manage'])).toEqual(['admin']);
    expect(permissionMatrix.analyst['complainants:read']).toBeUndefined();
  });
});
