// The Revnue wire rules by example (README "Revnue wire conventions"): a POST carries only what is
// set; a PUT carries the merged record, clearing what theirs has set ('' for text, null for the
// rest) and nothing else; custom fields only with values.
import { describe, expect, test } from 'vitest';
import type { RevnueCustomerRecord } from './api';
import { merge } from '../../sync/merge';
import { globexOnRevnue, globexTemplates } from '../../sync/test-support/sample-records';
import { nullPaths } from '../../sync/test-support/wire-checks';
import { revnueShape } from './shape';
import { revnueCreateBody, revnueUpdateBody } from './wire';

const bare = (): RevnueCustomerRecord => ({
  company: 1,
  name: 'Initech',
  category: null,
  contact_person: null,
  address_line_1: '',
  address_line_2: '',
  city: '',
  state_province: '',
  zip_postal_code: '',
  country: null,
  phone: '',
  mobile: '',
  fax: '',
  website: '',
  general_description: '',
  nda_signed: false,
  nda_signed_date: null,
  msa_signed: false,
  msa_signed_date: null,
  supplementary_description: '',
  additional_description: '',
  template: null,
});

describe('Revnue POST body: only what is set, never null', () => {
  test('a customer with nothing but its name sends company, name and the two flags', () => {
    expect(revnueCreateBody(bare())).toEqual({
      ok: true,
      value: { company: 1, name: 'Initech', nda_signed: false, msa_signed: false },
    });
  });

  test('every set field is sent; blank text, unset dates and the id are left out', () => {
    const { id: _id, address_line_2: _a, state_province: _s, ...set } = globexOnRevnue();
    const { mobile: _m, fax: _f, general_description: _g, msa_signed_date: _d, ...expected } = set;
    const { supplementary_description: _x, additional_description: _y, ...rest } = expected;
    const created = revnueCreateBody(globexOnRevnue(), globexTemplates);
    expect(created).toEqual({ ok: true, value: rest });
    expect(created.ok && nullPaths(created.value)).toEqual([]);
  });

  test('a contact person without a type has no type key; custom fields only with values', () => {
    const record: RevnueCustomerRecord = {
      ...bare(),
      contact_person: { name: 'Milton', email: 'milton@initech.example', type: undefined },
      template: {
        id: 5,
        fields: [
          { id: 7, value: '' },
          { id: 8, value: 'Gold' },
          { id: 9, value: null },
        ],
      },
    };
    const created = revnueCreateBody(record, globexTemplates);
    expect(created.ok && created.value.contact_person).toEqual({
      name: 'Milton',
      email: 'milton@initech.example',
    });
    expect(created.ok && created.value.template).toEqual({
      id: 5,
      fields: [{ id: 8, value: 'Gold' }],
    });
  });

  test('checks custom field values by type and names the field by id', () => {
    const record = globexOnRevnue();
    record.template!.fields.push({ id: 9, value: '2024-02-30' });
    expect(revnueCreateBody(record, globexTemplates)).toEqual({
      ok: false,
      errors: { 'template.fields[id=9].value': ['Renewal date: enter a date like 2025-06-30'] },
    });
  });

  test('enforces the contact person rule: an email needs a name', () => {
    const record = {
      ...globexOnRevnue(),
      contact_person: { name: '', email: 'x@globex.example', type: undefined },
    };
    expect(revnueCreateBody(record)).toEqual({
      ok: false,
      errors: { 'contact_person.name': ['Contact name is required when an email is given'] },
    });
  });
});

/** The salesperson's edit of Globex, pushed while the server still has Globex as it was. */
function mineOnly(edit: (mine: RevnueCustomerRecord) => void) {
  const mine = globexOnRevnue();
  edit(mine);
  const theirs = globexOnRevnue();
  return revnueUpdateBody(
    merge(revnueShape, globexOnRevnue(), mine, theirs),
    theirs,
    globexTemplates,
  );
}
const bodyOf = (request: ReturnType<typeof mineOnly>) => (request.ok ? request.value : undefined);

describe('Revnue PUT body: the merged record, null only to clear what theirs has set', () => {
  test('is the whole merged customer: theirs and mine together, no id, blanks left out', () => {
    const mine = globexOnRevnue();
    mine.phone = '+1 555 0199';
    const theirs = globexOnRevnue();
    theirs.template!.fields[1]!.value = 'Platinum';
    const request = revnueUpdateBody(
      merge(revnueShape, globexOnRevnue(), mine, theirs),
      theirs,
      globexTemplates,
    );
    const expected = revnueCreateBody({ ...theirs, phone: '+1 555 0199' }, globexTemplates);
    expect(request).toEqual(expected);
    expect(bodyOf(request)?.template).toEqual({
      id: 5,
      fields: [
        { id: 7, value: '1200.00' },
        { id: 8, value: 'Platinum' },
      ],
    });
  });

  test.each<[string, (mine: RevnueCustomerRecord) => void, Record<string, unknown>]>([
    [
      'a cleared text goes as "" (the seed types text as a string)',
      (r) => (r.city = ''),
      { city: '' },
    ],
    ['a cleared category goes as null', (r) => (r.category = null), { category: null }],
    ['a cleared country goes as null', (r) => (r.country = null), { country: null }],
    ['a cleared date goes as null', (r) => (r.nda_signed_date = null), { nda_signed_date: null }],
    [
      'a removed contact person goes as null',
      (r) => (r.contact_person = null),
      { contact_person: null },
    ],
    ['a removed template goes as null', (r) => (r.template = null), { template: null }],
  ])('%s', (_name, edit, expected) => {
    expect(bodyOf(mineOnly(edit))).toMatchObject(expected);
  });

  test('a cleared contact type goes as type: null inside the contact', () => {
    const body = bodyOf(
      mineOnly((r) => (r.contact_person = { ...r.contact_person!, type: undefined })),
    );
    expect(body?.contact_person).toEqual({
      name: 'Hank Scorpio',
      email: 'hank@globex.example',
      type: null,
    });
  });

  test('a cleared custom field goes as {id, value: null}; the others with their values', () => {
    const body = bodyOf(mineOnly((r) => (r.template!.fields = r.template!.fields.slice(0, 1))));
    expect(body?.template).toEqual({
      id: 5,
      fields: [
        { id: 7, value: '1200.00' },
        { id: 8, value: null },
      ],
    });
  });

  test('a switched template sends only its own fields: the old template’s are not cleared', () => {
    const templates = [
      ...globexTemplates,
      { id: 6, name: 'Small', fields: [{ id: 20, name: 'Size', type: 'text' as const }] },
    ];
    const mine = { ...globexOnRevnue(), template: { id: 6, fields: [{ id: 20, value: 'S' }] } };
    const theirs = globexOnRevnue();
    const body = revnueUpdateBody(
      merge(revnueShape, globexOnRevnue(), mine, theirs),
      theirs,
      templates,
    );
    expect(body.ok && body.value?.template).toEqual({ id: 6, fields: [{ id: 20, value: 'S' }] });
  });

  test('what theirs does not have set is left out, not nulled, even if the base had it', () => {
    const base = globexOnRevnue();
    const theirs = { ...globexOnRevnue(), nda_signed_date: null, website: '' };
    const mine = { ...globexOnRevnue(), phone: '+1 555 0123' };
    const request = revnueUpdateBody(merge(revnueShape, base, mine, theirs), theirs);
    const body = request.ok ? request.value : null;
    expect(body).not.toHaveProperty('nda_signed_date');
    expect(body).not.toHaveProperty('website');
    expect(body).not.toHaveProperty('msa_signed_date');
    expect(nullPaths(body)).toEqual([]);
  });

  test('is not needed when nothing changed locally', () => {
    const theirs = { ...globexOnRevnue(), city: 'Shelbyville' };
    expect(
      revnueUpdateBody(merge(revnueShape, globexOnRevnue(), globexOnRevnue(), theirs), theirs),
    ).toEqual({ ok: true, value: null });
  });

  test('refuses while a conflict is unresolved', () => {
    const mine = { ...globexOnRevnue(), city: 'Capital City' };
    const theirs = { ...globexOnRevnue(), city: 'Shelbyville' };
    const request = revnueUpdateBody(merge(revnueShape, globexOnRevnue(), mine, theirs), theirs);
    expect(request.ok).toBe(false);
    expect(request.ok ? null : Object.keys(request.errors)).toEqual(['city']);
  });
});
