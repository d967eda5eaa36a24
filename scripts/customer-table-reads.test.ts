// One read path for customer rows (docs/architecture.md#the-local-store): only
// src-renderer/lib/db/customer-rows.ts reads the `customers` table, so that moving summaries into
// packed pages (docs/performance.md#packed-summary-pages-the-plan) changes one file's reads, not
// every reader's. Scans the app's production sources with TypeScript's parser for every use of the
// table — `<database>.customers…`, `customersOf(…)…`, `.table('customers')` — and sorts each by
// the chain of calls that follows it: ends in a write (put, delete, …), names the table as a
// transaction's scope, or else reads it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
const scanned = ['src-renderer', 'src-shared', 'src-main', 'src-preload'];
const readPath = 'src-renderer/lib/db/customer-rows.ts';
/** Declares the table and `customersOf`, the connection's range every connection-wide use starts from. */
const schema = 'src-renderer/lib/db/schema.ts';
/** The files that write customer rows (put, add, delete); none of them may read one directly. */
const writers = [
  'src-renderer/lib/db/connection-data.ts',
  'src-renderer/lib/db/journal-restore.ts',
  'src-renderer/lib/db/local-changes.ts',
  'src-renderer/lib/db/outbox-progress.ts',
  'src-renderer/lib/db/pull-writes.ts',
];

const writeMethods = new Set([
  'put',
  'bulkPut',
  'add',
  'bulkAdd',
  'delete',
  'bulkDelete',
  'update',
  'bulkUpdate',
  'modify',
  'clear',
]);

/** How the app names a FieldbookDatabase: `db`, `ctx.strict`, `ctx.relaxed` (checked below). */
const databaseName = /(^|\.)(db|strict|relaxed)$|[dD]b$|[dD]atabase$/;

type Use = 'read' | 'write' | 'scope';
interface Found {
  readonly at: string;
  readonly use: Use;
}

const isTest = (path: string) =>
  /\.test\.ts$|\.node\.ts$/.test(path) || path.includes('/test-support/');

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|svelte)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** The TypeScript of a file: a .svelte file's script blocks, a .ts file whole. */
function scriptOf(path: string, text: string): string {
  if (!path.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** Whether `node` is the customers table (or the connection's range of it). */
function isTable(node: ts.Node, file: ts.SourceFile): boolean {
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'customers') {
    return databaseName.test(node.expression.getText(file));
  }
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    return (
      node.argumentExpression.text === 'customers' &&
      databaseName.test(node.expression.getText(file))
    );
  }
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'customersOf';
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'table' &&
    node.arguments.length === 1 &&
    ts.isStringLiteralLike(node.arguments[0]!) &&
    node.arguments[0].text === 'customers'
  );
}

/** What the code does with the table: the methods called on it in turn decide. */
function useOf(table: ts.Expression): Use {
  const methods: string[] = [];
  let node: ts.Node = table;
  for (;;) {
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
      methods.push(parent.name.text);
      const call = parent.parent;
      node = ts.isCallExpression(call) && call.expression === parent ? call : parent;
      continue;
    }
    break;
  }
  if (methods.length === 0) return scopeOnly(table) ? 'scope' : 'read';
  return writeMethods.has(methods[methods.length - 1]!) ? 'write' : 'read';
}

/** The bare table as a transaction's scope: an argument of `.transaction(…)`, or in its array. */
function scopeOnly(table: ts.Expression): boolean {
  const parent = table.parent;
  const call = ts.isArrayLiteralExpression(parent) ? parent.parent : parent;
  if (ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)) {
    return call.expression.name.text === 'transaction';
  }
  // An array of tables named first and handed to a transaction (`const tables = [db.customers, …]`).
  return ts.isArrayLiteralExpression(parent) && ts.isVariableDeclaration(parent.parent);
}

/** Every use of the customers table in `text`, as `path:line: use`. */
function tableUses(path: string, text: string): Found[] {
  const file = ts.createSourceFile(path, scriptOf(path, text), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    if (isTable(node, file)) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found.push({ at: `${path}:${line + 1}`, use: useOf(node as ts.Expression) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Names bound to a FieldbookDatabase the scan would not recognise as one. */
function unrecognisedDatabases(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, scriptOf(path, text), ts.ScriptTarget.Latest, true);
  const odd: string[] = [];
  const check = (name: ts.Node) => {
    const text = name.getText(file);
    if (!databaseName.test(text)) odd.push(`${path}: ${text}`);
  };
  const visit = (node: ts.Node) => {
    const typed =
      (ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isPropertySignature(node)) &&
      node.type?.getText(file) === 'FieldbookDatabase';
    const created =
      ts.isVariableDeclaration(node) &&
      node.initializer !== undefined &&
      ts.isNewExpression(node.initializer) &&
      node.initializer.expression.getText(file) === 'FieldbookDatabase';
    if (typed || created) check((node as ts.NamedDeclaration).name!);
    // `const { strict: db } = ctx` and `const db = ctx.relaxed`
    if (
      ts.isBindingElement(node) &&
      node.propertyName &&
      /^(strict|relaxed)$/.test(node.propertyName.getText(file))
    ) {
      check(node.name);
    }
    if (
      ts.isVariableDeclaration(node) &&
      node.initializer &&
      /\.(strict|relaxed)$/.test(node.initializer.getText(file))
    ) {
      check(node.name);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return odd;
}

const sources = scanned
  .flatMap(sourcesUnder)
  .filter((path) => !isTest(path))
  .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
const uses = sources.flatMap(({ path, text }) =>
  tableUses(path, text).map((found) => ({ ...found, path })),
);

describe('reads of the customers table', () => {
  test('only the read path reads customer rows', () => {
    const reads = uses.filter(
      (found) => found.use === 'read' && found.path !== readPath && found.path !== schema,
    );
    expect(reads.map((found) => found.at)).toEqual([]);
  });

  test('only the listed writers write customer rows', () => {
    const writes = uses.filter((found) => found.use === 'write' && !writers.includes(found.path));
    expect(writes.map((found) => found.at)).toEqual([]);
  });

  test('every listed writer still writes customer rows (the list is not stale)', () => {
    const writing = new Set(uses.filter((found) => found.use === 'write').map((f) => f.path));
    expect(writers.filter((path) => !writing.has(path))).toEqual([]);
  });

  test('every database the app opens goes by a name the scan knows', () => {
    expect(sources.flatMap(({ path, text }) => unrecognisedDatabases(path, text))).toEqual([]);
  });

  test('the scan tells reads, writes and scopes apart (so a pass means something)', () => {
    const planted = [
      'await db.customers.get([c, k]);',
      'const rows = await ctx.relaxed.customers',
      "  .where('[connectionId+key]')",
      '  .between(a, b)',
      '  .toArray();',
      'customersOf(db, c).count();',
      "old.table('customers').toArray();",
      'await db.customers.bulkPut(rows);',
      'await customersOf(db, c).delete();',
      "db.transaction('rw', db.customers, db.outbox, async () => {});",
      "db.transaction('rw', [db.customers, db.meta], async () => {});",
      'const tables = [db.customers, db.outbox];',
      'readAll(db.customers);',
      "db['customers'].get(k);",
      'await api.r2.customers.list({ connectionId });',
      'count += page.value.customers.length;',
    ].join('\n');
    expect(tableUses('planted.ts', planted)).toEqual([
      { at: 'planted.ts:1', use: 'read' },
      { at: 'planted.ts:2', use: 'read' },
      { at: 'planted.ts:6', use: 'read' },
      { at: 'planted.ts:7', use: 'read' },
      { at: 'planted.ts:8', use: 'write' },
      { at: 'planted.ts:9', use: 'write' },
      { at: 'planted.ts:10', use: 'scope' },
      { at: 'planted.ts:11', use: 'scope' },
      { at: 'planted.ts:12', use: 'scope' },
      { at: 'planted.ts:13', use: 'read' },
      { at: 'planted.ts:14', use: 'read' },
    ]);
  });

  test('a database under another name is caught', () => {
    const planted = [
      'function f(store: FieldbookDatabase) {}',
      "const other = new FieldbookDatabase('x', 'relaxed');",
      'const { strict: fine } = ctx;',
      'const db = ctx.strict;',
    ].join('\n');
    expect(unrecognisedDatabases('planted.ts', planted)).toEqual([
      'planted.ts: store',
      'planted.ts: other',
      'planted.ts: fine',
    ]);
  });
});
