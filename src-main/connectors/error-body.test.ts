import { describe, expect, it } from 'vitest';
import { parseR2ErrorBody } from './r2/error-body';
import { parseRevnueErrorBody } from './revnue-v2/error-body';

describe('Revnue (DRF) error bodies', () => {
  it('flattens nested field errors into dotted paths', () => {
    const parsed = parseRevnueErrorBody({
      name: ['customer with this name already exists.'],
      contact_person: { email: ['Enter a valid email address.'] },
      template: { fields: [{}, { budget: ['A valid number is required.'] }] },
    });
    expect(parsed.fields).toEqual({
      name: ['customer with this name already exists.'],
      'contact_person.email': ['Enter a valid email address.'],
      'template.fields[1].budget': ['A valid number is required.'],
    });
    expect(parsed.message).toBe('name: customer with this name already exists.');
  });

  it('reads detail, non_field_errors, lists and text', () => {
    expect(parseRevnueErrorBody({ detail: 'Not found.' })).toEqual({ message: 'Not found.' });
    expect(parseRevnueErrorBody({ non_field_errors: ['Bad pair'] }).message).toBe('Bad pair');
    expect(parseRevnueErrorBody(['Oops']).message).toBe('Oops');
    expect(parseRevnueErrorBody('<h1>Bad Gateway</h1>').message).toBe('<h1>Bad Gateway</h1>');
    expect(parseRevnueErrorBody(null)).toEqual({});
  });
});

describe('R2 error bodies', () => {
  it('groups messages by field and keeps general ones', () => {
    const parsed = parseR2ErrorBody({
      errors: [
        { field: 'companyname', message: 'Company name is required' },
        { field: 'contacts[0].emailaddr', message: 'Invalid email' },
        { field: '', message: 'Record is locked' },
        { nonsense: true },
      ],
    });
    expect(parsed.fields).toEqual({
      companyname: ['Company name is required'],
      'contacts[0].emailaddr': ['Invalid email'],
    });
    expect(parsed.message).toBe('Record is locked');
  });

  it('survives bodies of the wrong shape', () => {
    expect(parseR2ErrorBody({ errors: 'nope' })).toEqual({});
    expect(parseR2ErrorBody(42)).toEqual({});
  });
});
