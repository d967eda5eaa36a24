// Editor form ⇄ record: the form holds strings under the body's own keys, so a parse of the form
// yields the record and every issue path names the form field to mark.
import { describe, expect, test } from 'vitest';
import { fieldErrorsFromZod } from '../../../api/messages';
import { revnueRecordSchema } from './body';
import { revnueEmptyForm, revnueFormFromRecord, revnueRecordFromForm } from './form';
import type { RevnueCustomFieldTemplate } from './lookups';

const templates: RevnueCustomFieldTemplate[] = [
  {
    id: 7,
    name: 'Rental',
    fields: [
      { id: 11, name: 'Contract value', type: 'money' },
      { id: 12, name: 'Seats', type: 'number' },
    ],
  },
];

const record = revnueRecordSchema.parse({
  id: 12,
  company: 2,
  name: 'Acme',
  category: 3,
  country: 276,
  contact_person: { name: 'Jane', email: 'jane@acme.example', type: 'sales' },
  nda_signed: true,
  nda_signed_date: '2024-01-02',
  template: {
    id: 7,
    fields: [
      { id: 11, value: '10.50' },
      { id: 12, value: 3 },
    ],
  },
});

describe('revnue editor form', () => {
  test('record → form holds strings the inputs can show', () => {
    expect(revnueFormFromRecord(record)).toMatchObject({
      id: 12,
      company: '2',
      category: '3',
      country: '276',
      msa_signed_date: '',
      contact_person: { name: 'Jane', email: 'jane@acme.example', type: 'sales' },
      template: {
        id: '7',
        fields: [
          { id: 11, value: '10.50' },
          { id: 12, value: '3' },
        ],
      },
    });
  });

  test('record → form → record is the identity (with and without templates)', () => {
    expect(revnueRecordFromForm(revnueFormFromRecord(record), templates).data).toEqual(record);
    expect(revnueRecordFromForm(revnueFormFromRecord(record)).data).toEqual({
      ...record,
      // Without templates the typed value stays as typed (text); the server accepts either.
      template: {
        id: 7,
        fields: [
          { id: 11, value: '10.50' },
          { id: 12, value: '3' },
        ],
      },
    });
  });

  test('an empty form is a new customer of the given company that still needs a name', () => {
    const form = revnueEmptyForm(4);
    expect(form).not.toHaveProperty('id');
    expect(form.company).toBe('4');
    const result = revnueRecordFromForm(form);
    expect(fieldErrorsFromZod(result.error!)).toEqual({ name: ['Name is required'] });
    expect(revnueRecordFromForm({ ...form, name: 'New' }).data).toEqual(
      revnueRecordSchema.parse({ company: 4, name: 'New' }),
    );
  });

  test('form errors are keyed by the form field paths', () => {
    const form = {
      ...revnueFormFromRecord(record),
      zip_postal_code: '1'.repeat(21),
      contact_person: { name: '', email: 'jane@acme.example', type: '' as const },
      template: {
        id: '7',
        fields: [
          { id: 11, value: '-3' },
          { id: 12, value: 'many' },
        ],
      },
    };
    expect(fieldErrorsFromZod(revnueRecordFromForm(form, templates).error!)).toEqual({
      zip_postal_code: ['ZIP/postal code must be at most 20 characters'],
      'contact_person.name': ['Contact name is required when an email is given'],
      'template.fields[0].value': ['Contract value cannot be negative'],
      'template.fields[1].value': ['Seats must be a whole number'],
    });
  });
});
