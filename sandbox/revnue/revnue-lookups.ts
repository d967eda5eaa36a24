// The fixed lookups of the demo Revnue account: two companies, their categories and custom field
// templates (one field of every type), and the country list.
import { countries } from '../demo-data/words';
import type { RevnueLookups } from './revnue-state';

export function demoRevnueLookups(): RevnueLookups {
  return {
    companies: [
      { id: 1, name: 'Northwind Field Sales' },
      { id: 2, name: 'Northwind Services' },
    ],
    categories: [
      ...['Prospect', 'Customer', 'Key account', 'Partner', 'Former customer'].map(
        (name, index) => ({
          id: index + 1,
          name,
          company: 1,
        }),
      ),
      ...['Service customer', 'Maintenance contract'].map((name, index) => ({
        id: index + 6,
        name,
        company: 2,
      })),
    ],
    countries: countries.map(([id, name]) => ({ id, name })),
    templates: [
      {
        id: 1,
        name: 'Account details',
        company: 1,
        fields: [
          { id: 1, name: 'Annual revenue', type: 'money' },
          { id: 2, name: 'Employees', type: 'number' },
          { id: 3, name: 'Contract renewal', type: 'date' },
          { id: 4, name: 'Industry', type: 'text' },
        ],
      },
      {
        id: 2,
        name: 'Equipment rental',
        company: 1,
        fields: [
          { id: 5, name: 'Credit limit', type: 'money' },
          { id: 6, name: 'Sites', type: 'number' },
          { id: 7, name: 'Next site visit', type: 'date' },
          { id: 8, name: 'Preferred depot', type: 'text' },
        ],
      },
      {
        id: 3,
        name: 'Service contract',
        company: 2,
        fields: [
          { id: 9, name: 'Contract value', type: 'money' },
          { id: 10, name: 'Contract start', type: 'date' },
          { id: 11, name: 'Service level', type: 'text' },
        ],
      },
    ],
  };
}
