// Generated R2 local records (R2CustomerRecord: by-ID shape, ISO local date-times) within the
// schema's rules, and edits of them: mine never touches audit fields; theirs (the server) does.
import fc from 'fast-check';
import {
  r2AddressKeys,
  r2AuditKeys,
  r2Billable,
  r2Categories,
  r2CustomerStatuses,
  r2CustomerTypes,
  r2DefaultPayAt,
  r2Phases,
  r2Synchronizer2,
  r2Types,
  type R2ContactRecord,
  type R2CustomerRecord,
  type R2Udf,
} from '../../connectors/r2/api';
import {
  editFields,
  editListField,
  email,
  isoLocalDateTime,
  pooled,
  trimmedText,
  type FieldArbitraries,
} from './edit-arbitraries';

type Address = NonNullable<R2CustomerRecord['address']>;

/** R2 states no lengths; short strings keep runs fast. Absent is R2's "empty" (nulls are dropped). */
const optionalText = (pool: readonly string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: pooled(pool, trimmedText(20)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
const optional = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: fc.constant(undefined) });

const addressFields: FieldArbitraries = Object.fromEntries(
  r2AddressKeys.map((key) => [key, optionalText(key === 'city' ? ['Berlin', 'Leeds'] : ['A1'])]),
);
const address: fc.Arbitrary<Address> = fc.record(addressFields).map((block) => block as Address);

function editAddress(base: Address | undefined | null) {
  if (!base)
    return fc.oneof({ weight: 6, arbitrary: fc.constant(base) }, { weight: 1, arbitrary: address });
  return fc.oneof(
    { weight: 10, arbitrary: editFields(base, addressFields, 4) },
    { weight: 1, arbitrary: fc.constantFrom<Address | undefined | null>(undefined, null) },
  );
}

const captions = ['Region', 'Segment', 'Tier', 'Source', 'Owner', 'Sales. Region [EU]'];
const udfValue = fc.option(pooled(['EMEA', 'Gold', ''], trimmedText(20)), { nil: null });

function newUdfs(existing: readonly R2Udf[]): fc.Arbitrary<R2Udf[]> {
  const free = captions.filter((caption) => !existing.some((udf) => udf.caption === caption));
  return fc
    .subarray(free, { maxLength: Math.min(2, free.length) })
    .chain((picked) =>
      fc.tuple(...picked.map((caption) => udfValue.map((value) => ({ caption, value })))),
    );
}
const udfList = {
  editItem: (udf: R2Udf) => udfValue.map((value) => ({ ...udf, value })),
  added: newUdfs,
};

const auditFields = (names: readonly string[]): FieldArbitraries => ({
  createdbyid: fc.constantFrom('u1', 'u2'),
  createdbyname: fc.constantFrom(...names),
  createddate: isoLocalDateTime,
  updatedbyid: fc.constantFrom('u1', 'u2', 'u3'),
  updatedbyname: fc.constantFrom(...names),
  updateddate: isoLocalDateTime,
});

const contactFields: FieldArbitraries = {
  contactid: optionalText(['K-1']),
  firstname: optionalText(['Jane', 'Max']),
  middlename: optionalText(['Q']),
  lastname: optionalText(['Doe', 'Muster']),
  title: optionalText(['Buyer', 'CFO']),
  emailaddr: optional(pooled(['jane@acme.de', ''], email)),
  workphone: optionalText(['+44 113 496 0000']),
  mobilephone: optionalText(['+49 171 000000']),
  isprimarycontact: optional(fc.boolean()),
};

function contact(identity: Record<string, string>): fc.Arbitrary<R2ContactRecord> {
  return fc
    .tuple(fc.record(contactFields), address, fc.option(address, { nil: undefined }), newUdfs([]))
    .map(([fields, main, billing, udfs]) => ({
      ...identity,
      ...fields,
      address: main,
      billingaddress: billing,
      udfs,
    }))
    .map((value) => dropUndefined(value) as R2ContactRecord);
}

const serverContact = (id: string) =>
  fc
    .tuple(contact({ recordid: id }), fc.record(auditFields(['Ann', 'Bob'])))
    .map(([c, audit]) => ({ ...c, ...audit }));

function editContact(base: R2ContactRecord): fc.Arbitrary<R2ContactRecord> {
  return fc
    .tuple(
      editFields(base, contactFields, 3),
      editAddress(base.address),
      editListField(base.udfs, udfList),
    )
    .map(
      ([edited, addr, udfs]) =>
        dropUndefined({ ...edited, address: addr, udfs }) as R2ContactRecord,
    );
}

/** New contacts: the salesperson's carry a localKey; the server's already have a recordid. */
function newContacts(side: 'mine' | 'theirs') {
  return () =>
    fc
      .uniqueArray(fc.nat(99), { maxLength: 2 })
      .chain((ns) =>
        fc.tuple(
          ...ns.map((n) =>
            side === 'mine' ? contact({ localKey: `local-${n}` }) : serverContact(`S-${n}`),
          ),
        ),
      );
}

const customerFields: FieldArbitraries = {
  companyname: pooled(['ACME Rentals', 'Globex'], trimmedText(40, 1)),
  customerid: optionalText(['CUST-1']),
  phonenumber: optionalText(['+44 113 496 0001']),
  web: optionalText(['https://acme.example']),
  salespersonid: optionalText(['SP-7']),
  taxcertno: optionalText(['TX-9']),
  type: optional(fc.constantFrom(...r2Types)),
  category: optional(fc.constantFrom(...r2Categories)),
  customertype: optional(fc.constantFrom(...r2CustomerTypes)),
  customerstatus: optional(fc.constantFrom(...r2CustomerStatuses)),
  defaultpayat: optional(fc.constantFrom(...r2DefaultPayAt)),
  billable: optional(fc.constantFrom(...r2Billable)),
  // Never cleared once set: the seed gives it no empty value (the schemas refuse null there).
  synchronizer2: fc.constantFrom(...r2Synchronizer2),
  phase: optional(fc.constantFrom(...r2Phases)),
  creditlimit: optional(fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100)),
  burdenpct: optional(fc.integer({ min: 0, max: 100 })),
  glaccount: optional(fc.nat(99_999)),
  insuranceexpdate: optional(isoLocalDateTime),
  applytax: optional(fc.boolean()),
  porequired: optional(fc.boolean()),
};

/** An R2 record as the server knows it: with recordid, audit fields and server contacts. */
export const r2Record: fc.Arbitrary<R2CustomerRecord> = fc
  .tuple(
    fc.record(customerFields, { requiredKeys: ['companyname'] }),
    fc.record(auditFields(['Ann', 'Bob'])),
    fc.record({
      address: optional(address),
      billingaddress: optional(address),
      shippingaddress: optional(address),
    }),
    fc
      .uniqueArray(fc.nat(99), { maxLength: 3 })
      .chain((ids) => fc.tuple(...ids.map((n) => serverContact(`C-${n}`)))),
    optional(newUdfs([])),
    fc.integer({ min: 1, max: 99_999 }),
  )
  .map(
    ([fields, audit, blocks, contacts, udfs, id]) =>
      dropUndefined({
        recordid: `R-${id}`,
        ...fields,
        ...audit,
        ...blocks,
        contacts,
        udfs,
      }) as R2CustomerRecord,
  );

/**
 * An edit of `base` by one side. Mine (the salesperson) edits fields, contacts and udfs and adds
 * contacts with a localKey; theirs (a colleague, via the server) also moves the audit fields and
 * adds contacts with a server recordid.
 */
export function r2Edit(
  base: R2CustomerRecord,
  side: 'mine' | 'theirs',
): fc.Arbitrary<R2CustomerRecord> {
  const audit =
    side === 'theirs' ? editFields(pickAudit(base), auditFields(['Carl']), 1) : fc.constant({});
  return fc
    .tuple(
      editFields(base, customerFields, 10),
      editAddress(base.address),
      editAddress(base.billingaddress),
      editAddress(base.shippingaddress),
      editListField(base.contacts, { editItem: editContact, added: newContacts(side) }),
      editListField(base.udfs, udfList),
      audit,
    )
    .map(
      ([edited, addr, billing, shipping, contacts, udfs, auditEdit]) =>
        dropUndefined({
          ...edited,
          address: addr,
          billingaddress: billing,
          shippingaddress: shipping,
          contacts,
          udfs,
          ...auditEdit,
        }) as R2CustomerRecord,
    );
}

function pickAudit(record: R2CustomerRecord): Record<string, unknown> {
  return Object.fromEntries(r2AuditKeys.map((key) => [key, record[key]]));
}

function dropUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined));
}
