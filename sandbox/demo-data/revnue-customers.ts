// Deterministic demo customers for Revnue: every field of the seed's body is exercised somewhere
// (contact person or not, NDA/MSA dates, each custom field type, some blanks), names unique.
import { revnueContactTypes } from '../../src-shared/connectors/revnue-v2/api';
import type { Random } from '../random';
import type { RevnueLookups, StoredRevnueCustomer } from '../revnue/revnue-state';
import {
  companyName,
  email,
  isoDate,
  person,
  phone,
  postcode,
  streetLine,
  uniqueName,
} from './text';
import { notes, places } from './words';

const industries = ['Construction', 'Events', 'Logistics', 'Agriculture', 'Film', 'Utilities'];

export function* generateRevnueCustomers(
  random: Random,
  count: number,
  lookups: RevnueLookups,
): Generator<StoredRevnueCustomer> {
  const taken = new Set<string>();
  for (let id = 1; id <= count; id++) {
    // One customer in ten belongs to the second company, so `?company=` matters.
    const company = random.chance(0.1) ? 2 : 1;
    const name = uniqueName(companyName(random), taken);
    const place = random.pick(places);
    const categories = lookups.categories.filter((category) => category.company === company);
    const templates = lookups.templates.filter((template) => template.company === company);
    const contact = person(random);
    const nda = random.chance(0.4);
    const msa = random.chance(0.3);
    yield {
      id,
      company,
      name,
      category: random.chance(0.85) ? random.pick(categories).id : null,
      contact_person: random.chance(0.8)
        ? {
            name: `${contact.first} ${contact.last}`,
            email: email(contact.first, contact.last, name),
            type: random.chance(0.9) ? random.pick(revnueContactTypes) : undefined,
          }
        : null,
      address_line_1: streetLine(random),
      address_line_2: random.chance(0.2) ? `Unit ${random.int(1, 40)}` : '',
      city: place[0],
      state_province: place[1],
      zip_postal_code: postcode(random, place[2]),
      country: random.chance(0.95) ? place[3] : null,
      phone: phone(random),
      mobile: random.chance(0.5) ? phone(random) : '',
      fax: random.chance(0.1) ? phone(random) : '',
      website: random.chance(0.6)
        ? `https://www.${
            name
              .split(' ')[0]
              ?.toLowerCase()
              .replace(/[^a-z]/g, '') || 'example'
          }.example`
        : '',
      general_description: random.pick(notes),
      nda_signed: nda,
      nda_signed_date: nda ? isoDate(random, 2019, 2025) : null,
      msa_signed: msa,
      msa_signed_date: msa ? isoDate(random, 2019, 2025) : null,
      supplementary_description: '',
      additional_description: random.chance(0.1) ? 'Migrated from the old CRM.' : '',
      template: random.chance(0.7) ? templateValues(random, random.pick(templates)) : null,
    };
  }
}

function templateValues(random: Random, template: RevnueLookups['templates'][number]) {
  return {
    id: template.id,
    fields: template.fields
      .filter(() => random.chance(0.8))
      .map((field) => {
        switch (field.type) {
          case 'money':
            return {
              id: field.id,
              value: `${random.int(0, 5_000_000)}.${String(random.int(0, 99)).padStart(2, '0')}`,
            };
          case 'number':
            return { id: field.id, value: random.int(1, 5000) };
          case 'date':
            return { id: field.id, value: isoDate(random, 2024, 2027) };
          case 'text':
            return { id: field.id, value: random.pick(industries) };
        }
      }),
  };
}
