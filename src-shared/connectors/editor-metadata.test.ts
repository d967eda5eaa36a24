// The editor metadata of both descriptors: what the form engine relies on instead of asking which
// API it edits (normalized drafts, offline uniqueness keys, template-typed custom fields, same-as).
import { expect, test } from 'vitest';
import type { EditorSection } from './descriptor';
import { r2Descriptor } from './r2/descriptor';
import { revnueDescriptor } from './revnue-v2/descriptor';

const templates = [
  {
    id: 5,
    name: 'Contract',
    fields: [
      { id: 7, name: 'Contract value', type: 'money' as const },
      { id: 8, name: 'Seats', type: 'number' as const },
    ],
  },
];

function find(sections: readonly EditorSection[], id: string): EditorSection | undefined {
  for (const section of sections) {
    if (section.id === id) return section;
    const inner = find(section.sections ?? [], id);
    if (inner) return inner;
  }
  return undefined;
}

test('Revnue: a draft with digits, an empty contact and money "1200" normalizes to the canonical record', () => {
  const draft = {
    ...revnueDescriptor.emptyRecord(),
    name: 'Acme',
    company: '1' as unknown as number,
    contact_person: { name: '', email: '', type: undefined },
    template: { id: 5, fields: [{ id: 7, value: '1200' }] },
  };
  const normalized = revnueDescriptor.normalizeDraft(draft, { templates });
  expect(normalized.company).toBe(1);
  expect(normalized.contact_person).toBeNull();
  expect(normalized.template).toEqual({ id: 5, fields: [{ id: 7, value: '1200.00' }] });
});

test('R2: cleared inputs are absent after normalizing, so nothing-typed compares equal', () => {
  const draft = {
    ...r2Descriptor.emptyRecord(),
    companyname: 'Acme',
    web: '',
    address: { city: '' },
  };
  expect(r2Descriptor.normalizeDraft(draft, {})).toEqual({
    companyname: 'Acme',
    synchronizer2: 'Created in R2',
    contacts: [],
  });
});

test('the uniqueness keys: Revnue name ignores case and spaces, R2 customer ID is empty when blank', () => {
  const name = revnueDescriptor.editor[0]?.fields.find((f) => f.path === 'name');
  expect(name?.uniqueAmongCustomers?.key({ name: '  ACME  Ltd ' })).toBe(
    name?.uniqueAmongCustomers?.key({ name: 'acme ltd' }),
  );
  expect(name?.uniqueAmongCustomers?.message({ name: 'Acme' })).toContain('“Acme” already exists');
  const id = r2Descriptor.editor[0]?.fields.find((f) => f.path === 'customerid');
  expect(id?.uniqueAmongCustomers?.key({ customerid: ' ' })).toBe('');
  expect(id?.uniqueAmongCustomers?.key({ customerid: 'C-9' })).toBe('c-9');
});

test('Revnue custom fields are one typed item per field of the chosen template', () => {
  const values = find(revnueDescriptor.editor, 'custom-field-values');
  const record = { ...revnueDescriptor.emptyRecord(), template: { id: 5, fields: [] } };
  expect(values?.fixedItems?.(record, { templates })).toEqual([
    { identity: { key: 'id', id: 7 }, label: 'Contract value', input: 'money', valueAs: 'string' },
    { identity: { key: 'id', id: 8 }, label: 'Seats', input: 'number' },
  ]);
  expect(values?.fixedItems?.(revnueDescriptor.emptyRecord(), { templates })).toEqual([]);
});

test('R2 billing and shipping offer "Same as address"; audit sections are marked', () => {
  expect(find(r2Descriptor.editor, 'billingaddress')?.sameAs).toEqual({
    path: 'address',
    label: 'Same as address',
  });
  expect(find(r2Descriptor.editor, 'address')?.sameAs).toBeUndefined();
  expect(find(r2Descriptor.editor, 'audit')?.audit).toBe(true);
  expect(find(r2Descriptor.editor, 'contacts')?.itemNoun).toBe('contact');
});
