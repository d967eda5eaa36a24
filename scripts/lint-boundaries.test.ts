// The layering (docs/architecture.md#conventions) is enforced by ESLint (eslint.config.js); this
// proves the rules fire where they must and stay quiet where they must not, by linting small
// snippets as if they lived at real paths in the tree.
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

// The snippets live at made-up paths no tsconfig includes, so the type-aware rules (which need a
// program) are switched off here; the import rules under test need no types.
const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
});

async function restrictedImports(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  // A snippet that does not parse would report no import at all: that must fail, not pass.
  const fatal = (result?.messages ?? []).filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(`${path}: ${fatal.map((m) => m.message).join('; ')}`);
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('import boundaries', () => {
  test.each([
    ['src-shared/sync/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['src-shared/sync/x.ts', "import { join } from 'path';"],
    ['src-shared/sync/x.ts', "import { app } from 'electron';"],
    ['src-shared/sync/x.ts', "import { ok } from '../../src-main/http/http-client';"],
    ['src-shared/api/x.ts', "import { sandboxReadyLine } from '../../sandbox/ready-line';"],
    ['src-main/services/x.ts', "import { app } from 'electron';"],
    ['src-main/services/x.ts', "import keytar from 'keytar';"],
    ['src-main/services/x.ts', "import { x } from '../auth/test-support/auth-world';"],
    ['src-main/index.ts', "import { startHarness } from '../e2e/harness/start-harness';"],
    ['src-renderer/lib/x.ts', "import ky from 'ky';"],
    [
      'src-renderer/lib/x.ts',
      "import { createHttpClient } from '../../src-main/http/http-client';",
    ],
  ])('%s may not: %s', async (path, code) => {
    expect(await restrictedImports(path, `${code}\nexport {};\n`)).toHaveLength(1);
  });

  test.each([
    ['src-shared/connection.ts', "import { isAllowedApiUrl } from './net/loopback';"],
    ['src-shared/sync/x.ts', "import { parsePath } from './field-path';"],
    ['src-main/index.ts', "import { app } from 'electron';"],
    ['src-main/platform/x.ts', "import keytar from 'keytar';"],
    ['src-preload/index.ts', "import { contextBridge } from 'electron';"],
    ['src-main/services/x.test.ts', "import { x } from '../auth/test-support/auth-world';"],
    ['src-renderer/lib/x.ts', "import { ok } from '../../src-shared/ipc/result';"],
  ])('%s may: %s', async (path, code) => {
    expect(await restrictedImports(path, `${code}\nexport {};\n`)).toEqual([]);
  });
});

// Paths of files that exist, so the type-aware parser finds them in a project.
describe('the exceptions for tests that need real parts', () => {
  const world =
    "import { createServicesWorld } from '../../../../../src-main/services/test-support/services-world';";
  const worldFromSupport =
    "import { createServicesWorld } from '../../../../src-main/services/test-support/services-world';";
  const sandboxFromKind = "import { rowsOf } from '../../../sandbox/r2/list-rows';";

  test.each([
    ['src-renderer/lib/sync/adapters/r2/adapter.ts', world],
    [
      'src-renderer/lib/sync/adapters/r2/adapter.ts',
      "import { x } from '../../test-support/adapter-world.node';",
    ],
    ['src-renderer/lib/sync/test-support/adapter-world.node.ts', "import ky from 'ky';"],
    ['src-shared/connectors/r2/descriptor.ts', sandboxFromKind],
    [
      'src-shared/connectors/r2/descriptor.test.ts',
      "import { x } from '../../../src-main/connectors';",
    ],
  ])('%s may not: %s', async (path, code) => {
    expect(await restrictedImports(path, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  test.each([
    ['src-renderer/lib/sync/adapters/r2/adapter.node.test.ts', world],
    ['src-renderer/lib/sync/test-support/adapter-world.node.ts', worldFromSupport],
    ['src-shared/connectors/r2/descriptor.test.ts', sandboxFromKind],
  ])('%s may: %s', async (path, code) => {
    expect(await restrictedImports(path, `${code}\nexport {};\n`)).toEqual([]);
  });
});
