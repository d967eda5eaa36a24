// The Revnue v2 descriptor: natural key, a blank record in the connection's company, validation
// with the account's custom field templates, list cells named by the lookups, and an editor whose
// lengths and labels are the schema's own.
import { describe, expect, test } from 'vitest';
import type { RevnueCustomerRecord, RevnueCustomFieldTemplate } from './api';
import type { Connection } from '../../connection';
import { merge } from '../../sync/merge';
import type { EditorSection } from '../descriptor';
import { descriptorFor } from '../index';
import { revnueDescriptor as revnue } from './descriptor';

const templates: RevnueCustomFieldTemplate[] = [
  { id: 7, name: 'Rental', fields: [{ id: 11, name: 'Contract value', type: 'money' }] },
];
const lookups = {
  countries: [{ id: 276, name: 'Germany' }],
  categories: [{ id: 3, name: 'Wholesale' }],
  templates,
};
const acme: RevnueCustomerRecord = {
  ...revnue.emptyRecord(),
  id: 41,
  name: 'Acme GmbH',
  city: 'Berlin',
  country: 276,
  category: 3,
  contact_person: { name: 'Jane Doe', email: 'jane@acme.de', type: 'sales' },
};

describe('revnue descriptor', () => {
  test('descriptorFor picks it by kind', () => {
    expect(descriptorFor('revnue-v2')).toBe(revnue);
    expect(revnue.capabilities).toMatchObject({ listingIsComplete: true });
  });

  test('natural key: the name, in any case and spacing (unique per account)', () => {
    expect(revnue.naturalKey({ ...acme, name: '  ACME   gmbh ' })).toBe(revnue.naturalKey(acme));
    expect(revnue.naturalKey({ ...acme, name: 'Acme AG' })).not.toBe(revnue.naturalKey(acme));
  });

  test('a blank record belongs to the connection’s company and only lacks its name', () => {
    const connection = { kind: 'revnue-v2', company: 3 } as Connection;
    const blank = revnue.emptyRecord(connection);
    expect(blank.company).toBe(3);
    expect(revnue.emptyRecord().company).toBe(1);
    const checked = revnue.validate(blank, {});
    expect(checked.ok ? {} : checked.errors).toEqual({ name: ['Name is required'] });
  });

  test('with the templates, custom field values are checked by type at their field', () => {
    const record = { ...acme, template: { id: 7, fields: [{ id: 11, value: '12.345' }] } };
    expect(revnue.validate(record, {}).ok).toBe(true);
    const checked = revnue.validate(record, lookups);
    expect(checked.ok ? {} : checked.errors).toEqual({
      'template.fields[id=11].value': ['Contract value can have at most 2 decimals'],
    });
  });

  test('lookups the store holds in a damaged form are ignored, not trusted', () => {
    const record = { ...acme, template: { id: 7, fields: [{ id: 11, value: '12.345' }] } };
    expect(revnue.validate(record, { templates: [{ id: 'x' }] }).ok).toBe(true);
  });

  test('resolve uses the templates too', () => {
    const result = merge(
      revnue.shape,
      acme,
      { ...acme, template: { id: 7, fields: [{ id: 11, value: '1.00' }] } },
      { ...acme, template: { id: 7, fields: [{ id: 11, value: '2.00' }] } },
    );
    const path = result.conflicts[0]?.path ?? '';
    const bad = revnue.resolve(result, { [path]: { value: '1.234' } }, lookups);
    expect(bad.ok).toBe(false);
    expect(revnue.resolve(result, { [path]: 'mine' }, lookups).ok).toBe(true);
  });

  test('list cells name countries and categories from the lookups', () => {
    const cells = Object.fromEntries(revnue.listColumns.map((c) => [c.id, c.value(acme, lookups)]));
    expect(cells).toMatchObject({ name: 'Acme GmbH', country: 'Germany', category: 'Wholesale' });
    const offline = Object.fromEntries(revnue.listColumns.map((c) => [c.id, c.value(acme, {})]));
    expect(offline).toMatchObject({ country: '276' });
  });

  test('the list is complete, so its record is the summary; re-creating drops the id', () => {
    expect(revnue.summaryOf(acme)).toBe(acme);
    expect(revnue.forRecreate(acme)).not.toHaveProperty('id');
    expect(revnue.forRecreate(acme)).toMatchObject({ name: 'Acme GmbH' });
    expect(revnue.itemRenames(acme, acme)).toEqual([]);
  });
});

function fieldsOf(sections: readonly EditorSection[]): EditorSection['fields'][number][] {
  return sections.flatMap((s) => (s.repeat ? [] : [...s.fields, ...fieldsOf(s.sections ?? [])]));
}

describe('revnue editor', () => {
  const limited = fieldsOf(revnue.editor).filter((field) => field.maxLength !== undefined);

  test.each(limited.map((field) => [field.path, field] as const))(
    '%s: the maxLength and label are the schema’s',
    (path, field) => {
      const max = field.maxLength ?? 0;
      const [block, key] = path.includes('.') ? path.split('.') : [undefined, path];
      const long = 'x'.repeat(max + 1);
      const record = block
        ? { ...acme, [block]: { ...acme.contact_person, [key as string]: long } }
        : { ...acme, [path]: long };
      const checked = revnue.validate(record as RevnueCustomerRecord, {});
      expect(checked.ok ? [] : checked.errors[path]).toContain(
        `${field.label} must be at most ${max} characters`,
      );
      const fits = block
        ? { ...acme, [block]: { ...acme.contact_person, [key as string]: 'x'.repeat(max) } }
        : { ...acme, [path]: 'x'.repeat(max) };
      const fitting = revnue.validate(fits as RevnueCustomerRecord, {});
      expect(fitting.ok ? [] : (fitting.errors[path] ?? [])).not.toContain(
        `${field.label} must be at most ${max} characters`,
      );
    },
  );

  test('every text field with a length rule has its limit in the editor', () => {
    expect(limited.map((field) => field.path).sort()).toEqual(
      [
        'name',
        'address_line_1',
        'address_line_2',
        'city',
        'state_province',
        'zip_postal_code',
        'phone',
        'mobile',
        'fax',
        'website',
        'general_description',
        'supplementary_description',
        'additional_description',
        'contact_person.name',
        'contact_person.email',
      ].sort(),
    );
  });
});
