import { describe, expect, test } from 'vitest';
import { merge } from '../merge';
import { globexOnRevnue, globexTemplates } from '../test-support/fixtures';
import { revnueShape } from './revnue-shape';
import { revnueCreateBody, revnueUpdateBody } from './revnue-wire';

describe('Revnue PUT body', () => {
  test('is the whole merged customer in the create shape: theirs and mine together, no id', () => {
    const mine = globexOnRevnue();
    mine.phone = '+1 555 0199';
    const theirs = globexOnRevnue();
    theirs.template!.fields[1]!.value = 'Platinum';
    const request = revnueUpdateBody(
      merge(revnueShape, globexOnRevnue(), mine, theirs),
      globexTemplates,
    );
    const { id: _id, ...expected } = globexOnRevnue();
    expect(request).toEqual({
      ok: true,
      value: {
        ...expected,
        phone: '+1 555 0199',
        template: {
          id: 5,
          fields: [
            { id: 7, value: '1200.00' },
            { id: 8, value: 'Platinum' },
          ],
        },
      },
    });
  });

  test('is not needed when nothing changed locally', () => {
    const theirs = { ...globexOnRevnue(), city: 'Shelbyville' };
    expect(
      revnueUpdateBody(merge(revnueShape, globexOnRevnue(), globexOnRevnue(), theirs)),
    ).toEqual({
      ok: true,
      value: null,
    });
  });
});

describe('Revnue POST body', () => {
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
