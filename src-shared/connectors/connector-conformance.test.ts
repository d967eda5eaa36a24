// The connector conformance suite (docs/architecture.md#adding-a-connector): the same checks run
// against every connector in the registry, so a new connector is proven by registering it.
//
// Every key a descriptor names — in its sync shape (fields, labels, read-only, replace-when-changed,
// list identities) and in its editor layout — is a key of its record schema, and the editor shows
// every field of the schema. A misspelt key would otherwise be silently ignored at runtime. Then:
// the descriptor is complete, records survive the trip through the API's mappings, the natural key
// is defined and stable, and every message is in words.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { connectorKinds, newConnectionSchema, type ConnectorKind } from '../connection';
import { channels } from '../ipc/channels';
import { contract } from '../ipc/contract';
import { canonical } from '../sync/test-support/canonical';
import type { ObjectShape, Shape } from '../sync/shape';
import { connectorChannels } from './channel-registry';
import { descriptorFor, type ConnectorDescriptor, type RecordOfKind } from './index';
import { r2ConformanceKit } from './r2/test-support/conformance';
import { registeredConnectors } from './registry';
import { revnueConformanceKit } from './revnue-v2/test-support/conformance';
import type { ConformanceKit } from './test-support/conformance-kit';
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

/** One kit per registered kind: a connector without one does not compile. */
const kits: { readonly [K in ConnectorKind]: ConformanceKit<RecordOfKind[K]> } = {
  'revnue-v2': revnueConformanceKit,
  r2: r2ConformanceKit,
};
const kinds = registeredConnectors.map((c) => c.kind);

describe.each(kinds)('%s descriptor keys', (kind) => {
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

describe('the registry', () => {
  test('lists each kind once, and the kinds, connections and channels follow it', () => {
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...connectorKinds]).toEqual(kinds);
    expect(newConnectionSchema.options.map((option) => option.shape.kind.value)).toEqual(kinds);
    // The zod-free channel list the preload bundles names exactly the registered operations.
    expect([...connectorChannels]).toEqual(registeredConnectors.flatMap((c) => [...c.channels]));
  });
});

describe.each(registeredConnectors.map((c) => [c.kind, c] as const))(
  '%s conformance',
  (kind, connector) => {
    const descriptor = descriptorFor(kind) as ConnectorDescriptor<unknown>;
    // Typed as <unknown> like allDescriptors: each kit goes with its own kind's descriptor.
    const kit = kits[kind] as ConformanceKit<unknown>;

    test('its folder, its descriptor and its connection schema agree on the kind', () => {
      expect(connector.descriptor).toBe(descriptor);
      expect(descriptor.kind).toBe(kind);
      expect(connector.connection.shape.kind.value).toBe(kind);
      expect(connector.shortName.trim()).not.toBe('');
    });

    test('the descriptor is complete: every member the app reads is there', () => {
      const members: (keyof typeof descriptor)[] = [
        'kind',
        'capabilities',
        'rateLimit',
        'shape',
        'recordSchema',
        'listColumns',
        'listSearch',
        'editor',
        'bulkEditable',
        'wording',
        'naturalKey',
        'displayName',
        'duplicateFields',
        'prepareForStore',
        'emptyRecord',
        'normalizeDraft',
        'validate',
        'resolve',
        'itemRenames',
        'summaryOf',
        'forRecreate',
        'contactCards',
      ];
      expect(members.filter((member) => descriptor[member] === undefined)).toEqual([]);
      expect(descriptor.capabilities.offlineScopes.length).toBeGreaterThan(0);
      expect(descriptor.rateLimit.parallelPushes).toBeGreaterThan(0);
      expect(descriptor.listColumns.length).toBeGreaterThan(0);
      expect(descriptor.editor.length).toBeGreaterThan(0);
    });

    test('its IPC operations are in the contract and their names in the channel list', () => {
      const names = Object.keys(connector.contract);
      expect(names).toEqual([...connector.channels]);
      const known = new Set<string>(channels);
      expect(names.filter((name) => !known.has(name))).toEqual([]);
      for (const name of names)
        expect(contract[name as keyof typeof contract]).toBe(
          (connector.contract as Record<string, unknown>)[name],
        );
    });

    test('a record survives the trip through the API and back (mappings both ways)', () => {
      fc.assert(
        fc.property(kit.arbitraries.record, (record) => {
          const back = kit.throughTheWire(record);
          // Every value comes back; an API may spell "empty" its own way ('' or absent).
          expect(comparable(descriptor.shape, back)).toEqual(comparable(descriptor.shape, record));
          // And the echo of what came back is no change at all.
          expect(canonical(descriptor.shape, kit.throughTheWire(back), true)).toEqual(
            canonical(descriptor.shape, back, true),
          );
        }),
        { numRuns: 200 },
      );
    });

    test('valid records pass the record schema and the validation the editor uses', () => {
      fc.assert(
        fc.property(kit.arbitraries.record, (record) => {
          expect(descriptor.recordSchema.safeParse(record).success).toBe(true);
        }),
        { numRuns: 200 },
      );
      expect(descriptor.validate(kit.sample(), {}).ok).toBe(true);
    });

    test('the natural key is defined and stable (a copy, a trip through the API, an edit elsewhere)', () => {
      fc.assert(
        fc.property(kit.arbitraries.record, (record) => {
          const key = descriptor.naturalKey(record);
          expect(typeof key).toBe('string');
          expect(key).not.toBe('');
          expect(descriptor.naturalKey(structuredClone(record))).toBe(key);
          expect(descriptor.naturalKey(kit.throughTheWire(record))).toBe(key);
        }),
        { numRuns: 200 },
      );
    });

    test('every wording is in words', () => {
      const { wording } = descriptor;
      expect(wording.apiName.trim()).not.toBe('');
      expect(wording.deletedOnServer.trim()).not.toBe('');
      expect(wording.duplicateName('Acme Rentals')).toContain('Acme Rentals');
      expect(descriptor.displayName(kit.sample()).trim()).not.toBe('');
    });

    test('every field refuses a wrong value in words, never in zod’s', () => {
      const developerWording = /^(Invalid|Too small|Too big|Unrecognized|Expected)|yyyy|received/;
      const wrongValues: unknown[] = [42, 1.5, 'x', '', true, {}, [], null];
      const sample = kit.sample();
      const found: string[] = [];
      for (const path of leafPaths(descriptor.recordSchema)) {
        for (const value of wrongValues) {
          const issues = descriptor.recordSchema.safeParse(withValueAt(sample, path, value)).error
            ?.issues;
          for (const issue of issues ?? []) found.push(`${path}: ${issue.message}`);
        }
      }
      expect(found.length).toBeGreaterThan(20);
      expect(
        found.filter((line) => developerWording.test(line.slice(line.indexOf(': ') + 2))),
      ).toEqual([]);
    });
  },
);

/** The record's data without read-only fields, every empty value ('', null, {}, []) left out. */
function comparable(shape: Shape, record: unknown): unknown {
  const drop = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(drop);
      return items.length === 0 ? undefined : items;
    }
    if (value !== null && typeof value === 'object') {
      const kept = Object.entries(value)
        .map(([key, member]) => [key, drop(member)] as const)
        .filter(([, member]) => member !== undefined);
      return kept.length === 0 ? undefined : Object.fromEntries(kept);
    }
    return value === '' || value === null ? undefined : value;
  };
  return drop(canonical(shape, record, true));
}

/** A copy of `record` with `value` at a leaf path (`contacts[].city`: in the first item). */
function withValueAt(record: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(record) as Record<string, unknown>;
  const keys = path.split('.');
  let target: Record<string, unknown> | undefined = copy;
  for (const [index, raw] of keys.entries()) {
    if (!target) return copy;
    const key = raw.replace('[]', '');
    if (index === keys.length - 1) {
      target[key] = value;
    } else {
      const next: unknown = target[key];
      target = (Array.isArray(next) ? next[0] : next) as Record<string, unknown> | undefined;
    }
  }
  return copy;
}

// The suite must be able to fail: a broken mapping and a zod default message are caught.
describe('the conformance checks themselves', () => {
  test('a mapping that loses a field fails the round trip', () => {
    const descriptor = descriptorFor('revnue-v2');
    const record = revnueConformanceKit.sample();
    const lossy = { ...revnueConformanceKit.throughTheWire(record), city: '' };
    expect(record.city).not.toBe('');
    expect(comparable(descriptor.shape, lossy)).not.toEqual(comparable(descriptor.shape, record));
  });

  test('zod’s own wording is recognised', () => {
    const issues = z.object({ a: z.string() }).safeParse({ a: 1 }).error?.issues ?? [];
    expect(issues[0]?.message).toMatch(/^Invalid/);
  });
});
