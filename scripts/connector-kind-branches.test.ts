// No branch on a connector's kind outside the connector folders
// (docs/architecture.md#adding-a-connector): every place that differs per API asks its
// connector's object instead. Scans the app's production sources for a registered kind's name as
// a literal (which is what `kind === 'r2'`, `case 'revnue-v2':` and `{ kind: 'r2' }` all need).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { connectorKinds } from '../src-shared/connection';

const root = join(import.meta.dirname, '..');
const scanned = ['src-shared', 'src-main', 'src-renderer', 'src-preload'];

/** Each kind's folder in each process, where its name belongs. */
const connectorFolders = connectorKinds.flatMap((kind) => [
  `src-shared/connectors/${kind}/`,
  `src-main/connectors/${kind}/`,
  `src-renderer/lib/sync/adapters/${kind}/`,
]);

const isTest = (path: string) =>
  /\.test\.ts$|\.node\.ts$/.test(path) || path.includes('/test-support/');

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|svelte)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** `file:line: text` of every line naming a connector kind as a literal. */
function kindLiterals(path: string, source: string): string[] {
  const names = connectorKinds.map((kind) => kind.replace(/[-]/g, '\\-')).join('|');
  const literal = new RegExp(`(['"\`])(${names})\\1`);
  return source
    .split('\n')
    .flatMap((line, index) => (literal.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : []));
}

describe('connector kinds outside the connector folders', () => {
  test('no production source names a kind (no kind === …, case …, { kind: … })', () => {
    const found = scanned
      .flatMap(sourcesUnder)
      .filter((path) => !isTest(path))
      .filter((path) => !connectorFolders.some((folder) => path.startsWith(folder)))
      .flatMap((path) => kindLiterals(path, readFileSync(join(root, path), 'utf8')));
    expect(found).toEqual([]);
  });

  test('the scan finds a planted branch, a case and a literal (so a pass means something)', () => {
    const planted = [
      "if (connection.kind === 'r2') return;",
      "  case 'revnue-v2':",
      'const kind = "r2";',
      "const fine = 'r2-shape';",
    ].join('\n');
    expect(kindLiterals('planted.ts', planted)).toEqual([
      "planted.ts:1: if (connection.kind === 'r2') return;",
      "planted.ts:2: case 'revnue-v2':",
      'planted.ts:3: const kind = "r2";',
    ]);
  });
});
