// Generated Revnue v2 local records (RevnueCustomerRecord) within every constraint of the seed, and
// edits of them by the salesperson (mine) and by a colleague through the server (theirs).
import fc from 'fast-check';
import {
  revnueContactTypes,
  revnueCustomTextMax,
  revnueNumberMax,
  revnueNumberMin,
  type RevnueCustomerRecord,
} from '../../connectors/revnue-v2/api';
import {
  editFields,
  editListField,
  email,
  isoDate,
  pooled,
  trimmedText,
  type FieldArbitraries,
} from './edit-arbitraries';

type Template = NonNullable<RevnueCustomerRecord['template']>;
type CustomField = Template['fields'][number];
type ContactPerson = NonNullable<RevnueCustomerRecord['contact_person']>;

const text = (max: number) => pooled(['', 'Main St 1', 'Berlin', 'Sales'], trimmedText(max));

const textFields = {
  address_line_1: text(50),
  address_line_2: text(50),
  city: pooled(['Berlin', 'Hamburg', 'Munich', ''], trimmedText(50)),
  state_province: text(50),
  zip_postal_code: pooled(['10115', '20095', ''], trimmedText(20)),
  phone: pooled(['+49 30 1234567', ''], trimmedText(20)),
  mobile: text(20),
  fax: text(20),
  website: pooled(['https://acme.de', ''], trimmedText(50)),
  general_description: text(1000),
  supplementary_description: text(1000),
  additional_description: text(1000),
};

// Never empty: a record keeps only custom fields with a value (clearing one removes the field).
const customValue: fc.Arbitrary<CustomField['value']> = fc.oneof(
  fc.integer({ min: revnueNumberMin, max: revnueNumberMax }),
  fc
    .tuple(fc.nat(999_999), fc.nat(99))
    .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`),
  isoDate,
  pooled(['Gold', 'Silver'], trimmedText(revnueCustomTextMax, 1)),
);

const fieldIds = [1, 2, 3, 4, 5, 6, 7, 8];

const contactPerson: fc.Arbitrary<ContactPerson> = fc.record({
  name: pooled(['Jane Doe', 'Max Mustermann'], trimmedText(50, 1)),
  email: pooled(['jane@acme.de', 'max@example.com'], email),
  type: fc.option(fc.constantFrom(...revnueContactTypes), { nil: undefined }),
});

function newFields(existing: readonly CustomField[]): fc.Arbitrary<CustomField[]> {
  const free = fieldIds.filter((id) => !existing.some((field) => field.id === id));
  return fc
    .subarray(free, { maxLength: Math.min(2, free.length) })
    .chain((ids) => fc.tuple(...ids.map((id) => customValue.map((value) => ({ id, value })))));
}

const template: fc.Arbitrary<Template> = fc
  .record({ id: fc.constantFrom(1, 2), fields: newFields([]) })
  .map(({ id, fields }) => ({ id, fields }));

const scalarFields: FieldArbitraries = {
  name: pooled(['ACME GmbH', 'Globex'], trimmedText(50, 1)),
  company: fc.constantFrom(1, 2),
  category: fc.option(fc.constantFrom(1, 2, 3), { nil: null }),
  country: fc.option(fc.constantFrom(276, 40, 756), { nil: null }),
  nda_signed: fc.boolean(),
  nda_signed_date: fc.option(isoDate, { nil: null }),
  msa_signed: fc.boolean(),
  msa_signed_date: fc.option(isoDate, { nil: null }),
  ...textFields,
};

/** A Revnue record as the server knows it (with its id). */
export const revnueRecord: fc.Arbitrary<RevnueCustomerRecord> = fc
  .record({
    ...scalarFields,
    id: fc.integer({ min: 1, max: 10_000 }),
    contact_person: fc.option(contactPerson, { nil: null }),
    template: fc.option(template, { nil: null, freq: 3 }),
  })
  .map((record) => record as RevnueCustomerRecord); // every key comes from that key's arbitrary

function editContactPerson(base: ContactPerson | null): fc.Arbitrary<ContactPerson | null> {
  const fresh = fc.option(contactPerson, { nil: null });
  if (!base)
    return fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fresh });
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(base) },
    {
      weight: 2,
      arbitrary: editFields(base, { name: contactPerson.map((c) => c.name), email }, 1),
    },
    { weight: 1, arbitrary: fresh },
  );
}

function editTemplate(base: Template | null): fc.Arbitrary<Template | null> {
  if (!base)
    return fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: template },
    );
  const fields = editListField(base.fields, {
    editItem: (field) => customValue.map((value) => ({ id: field.id, value })),
    added: newFields,
  }).map((list) => list ?? []);
  return fc.oneof(
    { weight: 8, arbitrary: fields.map((list) => ({ id: base.id, fields: list })) },
    { weight: 1, arbitrary: fc.option(template, { nil: null }) },
  );
}

/** Someone's edit of `base` (either side: Revnue has no read-only field but the id). */
export function revnueEdit(base: RevnueCustomerRecord): fc.Arbitrary<RevnueCustomerRecord> {
  return fc
    .tuple(
      editFields(base, scalarFields, 8),
      editContactPerson(base.contact_person),
      editTemplate(base.template),
    )
    .map(([edited, contact_person, template]) => ({ ...edited, contact_person, template }));
}
