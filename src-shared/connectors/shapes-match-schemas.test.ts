// Every key a descriptor names — in its sync shape (fields, labels, read-only, replace-when-changed,
// list identities) and in its editor layout — is a key of its record schema, and the editor shows
// every field of the schema. A misspelt key would otherwise be silently ignored at runtime.
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import type { ObjectShape, Shape } from '../sync/shape';
import { descriptorFor } from './index';
import { editorPaths } from './test-support/editor-paths';
import { elementOf, leafPaths, membersOf } from './test-support/zod-walk';

/** The keys `shape` names that `schema` lacks, as `where.key` paths. */
function unknownKeys(shape: Shape, schema: z.ZodType | undefined, where: string): string[] {
  if (shape.kind === 'value') return [];
  if (shape.kind === 'list') {
    const item = elementOf(schema);
    if (!item) return [`${where} (not a list in the schema)`];
    const members = membersOf(item) ?? {};
    const identities = shape.identity.filter((key) => !(key in members));
    return [
      ...identities.map((key) => `${where}[].${key} (identity)`),
      ...unknownKeys(shape.item, item, `${where}[]`),
    ];
  }
  const members = membersOf(schema);
  if (!members) return [`${where} (not an object in the schema)`];
  const named = (object: ObjectShape) => [
    ...Object.keys(object.fields),
    ...Object.keys(object.labels),
    ...object.readOnly,
    ...object.replaceWhenChanged,
  ];
  return [
    ...named(shape)
      .filter((key) => !(key in members))
      .map((key) => `${where}.${key}`),
    ...Object.entries(shape.fields).flatMap(([key, sub]) =>
      unknownKeys(sub, members[key], `${where}.${key}`),
    ),
  ];
}

/** Client-only keys the editor never shows (R2 contacts' localKey: an identity, not data). */
const notEdited = new Set(['contacts[].localKey']);

describe.each(['revnue-v2', 'r2'] as const)('%s descriptor keys', (kind) => {
  const descriptor = descriptorFor(kind);
  const schema = descriptor.recordSchema;

  test('every key of the sync shape is a key of the record schema', () => {
    expect(unknownKeys(descriptor.shape, schema, 'record')).toEqual([]);
  });

  test('every editor field path is a field of the record schema', () => {
    const fields = new Set(leafPaths(schema));
    expect(editorPaths(descriptor.editor).filter((path) => !fields.has(path))).toEqual([]);
  });

  test('the editor shows every field of the record schema, each once', () => {
    const shown = editorPaths(descriptor.editor);
    const missing = leafPaths(schema).filter(
      (path) => !shown.includes(path) && !notEdited.has(path),
    );
    expect(missing).toEqual([]);
    expect(shown.filter((path, index) => shown.indexOf(path) !== index)).toEqual([]);
  });

  test('section ids are unique (the UI keys its panels by them)', () => {
    const ids: string[] = [];
    const walk = (sections: typeof descriptor.editor) =>
      sections.forEach((section) => {
        ids.push(section.id);
        walk(section.sections ?? []);
      });
    walk(descriptor.editor);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});

describe('the walk itself', () => {
  test('finds a misspelt shape key and a misspelt editor path', async () => {
    const { objectShape } = await import('../sync/shape');
    const r2 = descriptorFor('r2');
    const wrong = objectShape({}, { labels: { compnyname: 'Company name' } });
    expect(unknownKeys(wrong, r2.recordSchema, 'record')).toEqual(['record.compnyname']);
    const fields = new Set(leafPaths(r2.recordSchema));
    expect(fields.has('contacts[].address.city')).toBe(true);
    expect(fields.has('contacts[].adress.city')).toBe(false);
  });
});
