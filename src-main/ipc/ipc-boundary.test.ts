// One IPC contract, one binding: raw ipcMain appears only where the router is bound, ipcRenderer
// and contextBridge only in the preload. A scan of the sources keeps it that way as the code base
// grows.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const repo = join(import.meta.dirname, '../..');
const roots = ['src-main', 'src-preload', 'src-renderer', 'src-shared', 'sandbox', 'e2e'];

/** Test doubles stand in for Electron, so they name its modules too. */
const skippedFolders = new Set(['node_modules', 'test-support']);

function sources(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : sources(path);
    const isSource = /\.(ts|svelte)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name);
    return isSource ? [relative(repo, path).split('\\').join('/')] : [];
  });
}

/** Comments may name them (to explain the rule); only code counts. */
function withoutComments(code: string): string {
  return code
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/ .*$/gm, '');
}

function filesMentioning(identifier: string): string[] {
  const pattern = new RegExp(`\\b${identifier}\\b`);
  return roots
    .flatMap((root) => sources(join(repo, root)))
    .filter((file) => pattern.test(withoutComments(readFileSync(join(repo, file), 'utf8'))));
}

describe('the IPC boundary', () => {
  test('ipcMain is used only in src-main/platform/ipc-electron.ts', () => {
    expect(filesMentioning('ipcMain')).toEqual(['src-main/platform/ipc-electron.ts']);
  });

  test('ipcRenderer and contextBridge are used only in src-preload/index.ts', () => {
    expect(filesMentioning('ipcRenderer')).toEqual(['src-preload/index.ts']);
    expect(filesMentioning('contextBridge')).toEqual(['src-preload/index.ts']);
  });
});
