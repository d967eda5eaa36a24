// Every message the editor's schemas can produce is written for a salesperson: whatever wrong
// value reaches any field, no zod default ("Invalid input: expected string…", "Too small: …")
// and no format token ("yyyy") gets through. Walks each field with a set of wrong-typed values.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { r2ContactRecordSchema, r2RecordSchema } from '../connectors/r2/api';
import { r2AddressKeys, r2AddressBlocks } from '../connectors/r2/api/address';
import { revnueRecordSchema, revnueRecordSchemaFor } from '../connectors/revnue-v2/api/body';
import type { RevnueCustomFieldTemplate } from '../connectors/revnue-v2/api/lookups';
import {
  revnueCustomerBodySchema,
  revnueCustomerBodySchemaFor,
} from '../connectors/revnue-v2/api/wire-body';

const wrongValues: unknown[] = [42, -1, 1.5, 'x', '', '  ', true, {}, [], [1], null, undefined];
const developerWording = /^(Invalid|Too small|Too big|Unrecognized|Expected)|yyyy|received/;

type Path = readonly (string | number)[];

function withValue(base: unknown, path: Path, value: unknown): unknown {
  const copy: unknown = structuredClone(base);
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

/** Every [path, message] the schema gives for every wrong value at every path. */
function messagesFor(schema: z.ZodType, base: unknown, paths: readonly Path[]) {
  const found: [string, string][] = [];
  for (const path of paths) {
    for (const value of wrongValues) {
      const issues = schema.safeParse(withValue(base, path, value)).error?.issues ?? [];
      for (const issue of issues) found.push([issue.path.join('.'), issue.message]);
    }
  }
  return found;
}

const keysOf = (schema: z.ZodObject) => Object.keys(schema.shape);

test('the walk catches zod’s default wording (so a pass means something)', () => {
  const found = messagesFor(z.object({ a: z.string().min(2), b: z.array(z.number()) }), {}, [
    ['a'],
    ['b'],
  ]);
  expect(found.some(([, message]) => developerWording.test(message))).toBe(true);
});

describe('R2 record', () => {
  const base = {
    companyname: 'Acme',
    address: {},
    billingaddress: {},
    shippingaddress: {},
    udfs: [{ caption: 'Region' }],
    contacts: [{ recordid: 'C-1', address: {}, udfs: [{ caption: 'Tier' }] }],
  };
  const contactKeys = keysOf(r2ContactRecordSchema);
  const paths: Path[] = [
    ...keysOf(r2RecordSchema).map((key) => [key]),
    ...r2AddressBlocks.flatMap((block) => r2AddressKeys.map((key) => [block, key])),
    ...contactKeys.map((key) => ['contacts', 0, key]),
    ...r2AddressKeys.map((key) => ['contacts', 0, 'address', key]),
    ['contacts', 0],
    ['udfs', 0],
    ['udfs', 0, 'caption'],
    ['udfs', 0, 'value'],
    ['contacts', 0, 'udfs', 0, 'caption'],
    ['contacts', 0, 'udfs', 0, 'value'],
  ];

  test('no message in developer wording', () => {
    const found = messagesFor(r2RecordSchema, base, paths);
    expect(found.length).toBeGreaterThan(300);
    expect(found.filter(([, message]) => developerWording.test(message))).toEqual([]);
  });
});

describe('Revnue record and wire body', () => {
  const templates: RevnueCustomFieldTemplate[] = [
    { id: 5, name: 'Key account', fields: [{ id: 7, name: 'Annual budget', type: 'money' }] },
  ];
  const base = {
    id: 42,
    company: 1,
    name: 'Acme',
    contact_person: { name: 'Jane', email: 'jane@acme.example', type: 'billing' },
    template: { id: 5, fields: [{ id: 7, value: '1.00' }] },
  };
  const paths: Path[] = [
    ...keysOf(revnueRecordSchema).map((key) => [key]),
    ['contact_person', 'name'],
    ['contact_person', 'email'],
    ['contact_person', 'type'],
    ['template', 'id'],
    ['template', 'fields'],
    ['template', 'fields', 0],
    ['template', 'fields', 0, 'id'],
    ['template', 'fields', 0, 'value'],
  ];

  test.each([
    ['without the templates', revnueRecordSchema],
    ['with the templates', revnueRecordSchemaFor(templates)],
    // Main parses IPC payloads with the wire body: its messages reach the screen as well.
    ['the wire body without the templates', revnueCustomerBodySchema],
    ['the wire body with the templates', revnueCustomerBodySchemaFor(templates)],
  ])('no message in developer wording (%s)', (_, schema) => {
    const found = messagesFor(schema, base, paths);
    expect(found.length).toBeGreaterThan(100);
    expect(found.filter(([, message]) => developerWording.test(message))).toEqual([]);
  });
});
