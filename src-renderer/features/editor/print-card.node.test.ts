// The printed card: only fields with values, dates in the given regional format, choices by
// name, contacts numbered, empty sections and the server's audit fields left out.
import { describe, expect, test } from 'vitest';
import type { EditorSection } from '../../../src-shared/connectors/descriptor';
import { printBlocks } from './print-card';

const sections: EditorSection[] = [
  {
    id: 'main',
    label: 'Customer',
    fields: [
      { path: 'name', label: 'Name', input: 'text' },
      { path: 'category', label: 'Category', input: 'select', options: 'lookup:categories' },
      { path: 'since', label: 'Customer since', input: 'date' },
      { path: 'notes', label: 'Notes', input: 'text' },
    ],
    sections: [
      {
        id: 'address',
        label: 'Address',
        fields: [
          { path: 'address.city', label: 'City', input: 'text' },
          { path: 'address.street', label: 'Street', input: 'text' },
        ],
      },
    ],
  },
  {
    id: 'contacts',
    label: 'Contacts',
    repeat: 'contacts',
    itemNoun: 'contact',
    fields: [
      { path: 'name', label: 'Contact name', input: 'text' },
      { path: 'email', label: 'E-mail', input: 'text' },
    ],
  },
  {
    id: 'audit',
    label: 'Record',
    audit: true,
    fields: [{ path: 'created', label: 'Created', input: 'datetime' }],
  },
];

const record = {
  name: 'Acme GmbH',
  category: 2,
  since: '2025-06-30',
  notes: '',
  address: { city: 'Berlin', street: null },
  contacts: [{ name: 'Ann', email: 'ann@acme.example' }, { name: '', email: '' }, { name: 'Bo' }],
  created: '2024-01-31T13:05',
};
const lookups = { categories: [{ id: 2, name: 'Prospect' }] };

describe('print card', () => {
  test('shows what has a value, as the screen shows it, in the regional format', () => {
    expect(printBlocks(sections, record, [], lookups, 'de-DE')).toEqual([
      {
        heading: 'Customer',
        rows: [
          { label: 'Name', text: 'Acme GmbH' },
          { label: 'Category', text: 'Prospect' },
          { label: 'Customer since', text: '30.06.2025' },
        ],
        blocks: [{ heading: 'Address', rows: [{ label: 'City', text: 'Berlin' }], blocks: [] }],
      },
      {
        heading: 'Contacts',
        rows: [],
        blocks: [
          {
            heading: 'Contact 1',
            rows: [
              { label: 'Contact name', text: 'Ann' },
              { label: 'E-mail', text: 'ann@acme.example' },
            ],
            blocks: [],
          },
          { heading: 'Contact 3', rows: [{ label: 'Contact name', text: 'Bo' }], blocks: [] },
        ],
      },
    ]);
    const us = printBlocks(sections, record, [], lookups, 'en-US');
    expect(us[0]!.rows[2]).toEqual({ label: 'Customer since', text: '06/30/2025' });
  });

  test('an empty customer prints no empty sections', () => {
    expect(printBlocks(sections, { contacts: [] }, [], {}, 'en-GB')).toEqual([]);
  });
});
