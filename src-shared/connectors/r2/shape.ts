// The R2 customer (by-ID shape, ./api) as the sync core sees it: three address blocks
// sent complete, contacts matched by recordid (new ones by localKey), udfs by caption (sent whole).
import {
  r2AddressBlocks,
  r2AddressKeys,
  r2AuditKeys,
  r2ContactTextKeys,
  r2CustomerTextKeys,
} from './api';
import type { R2Address } from './api/address';
import type { R2ContactRecord, R2CustomerRecord } from './api/record';
import { listShape, objectShape, objectShapeOf, type ObjectShape } from '../../sync/shape';
import type { PlainObject } from '../../sync/values';

/** Set by R2 on customers and contacts; never diffed, never sent, always taken from the server. */
export const r2AuditFields = r2AuditKeys;

// Our R2 PATCH convention (README "R2 PATCH convention", implemented by the sandbox): JSON Merge
// Patch — a block merges per key (so r2-wire sends a changed block complete, each key it lacks as
// ''), a list (udfs) replaces the server's — and contacts patched by recordid. The seed types
// texts as strings: a cleared text is '', a cleared block all '', cleared udfs []; null clears
// only what has no empty value (dates, numbers, flags, choices from a list).
const emptyTexts = (keys: readonly string[]) => Object.fromEntries(keys.map((key) => [key, '']));
/** An address block with every key cleared. */
export const r2EmptyAddress: Readonly<Record<string, string>> = emptyTexts(r2AddressKeys);
const emptyBlocks = Object.fromEntries(r2AddressBlocks.map((block) => [block, r2EmptyAddress]));

// Labels belong to the block they name a field of: formatPath looks them up level by level.
const address = objectShapeOf<R2Address>()(
  {},
  { patch: 'whole', clearWith: r2EmptyAddress, labels: { addressline: 'Address line' } },
);
const udfs = listShape(['caption'], objectShape({}), {
  patch: 'whole',
  itemNoun: 'User field',
  itemLabel: (udf) => text(udf['caption']),
});
const addressBlocks = { address, billingaddress: address, shippingaddress: address };
const addressLabels = {
  address: 'Address',
  billingaddress: 'Billing address',
  shippingaddress: 'Shipping address',
  udfs: 'User fields',
} satisfies Partial<Record<keyof R2CustomerRecord & keyof R2ContactRecord, string>>;

export const r2ContactShape: ObjectShape = objectShapeOf<R2ContactRecord>()(
  { ...addressBlocks, udfs },
  {
    readOnly: r2AuditFields,
    clearWith: {
      ...emptyTexts([...r2ContactTextKeys, 'emailaddr']),
      ...emptyBlocks,
      udfs: [],
    },
    labels: {
      ...addressLabels,
      firstname: 'First name',
      middlename: 'Middle name',
      lastname: 'Last name',
      emailaddr: 'Email',
      workphone: 'Work phone',
      mobilephone: 'Mobile phone',
      homephone: 'Home phone',
      faxnumber: 'Fax',
      isprimarycontact: 'Primary contact',
      driverlicenceno: "Driver's licence no.",
    },
  },
);

export const r2Shape: ObjectShape = objectShapeOf<R2CustomerRecord>()(
  {
    ...addressBlocks,
    contacts: listShape(['recordid', 'localKey'], r2ContactShape, {
      patch: 'items',
      itemNoun: 'Contact',
      itemLabel: contactName,
    }),
    udfs,
  },
  {
    // The record's own id travels in the URL; it never changes between versions of a record.
    readOnly: ['recordid', ...r2AuditFields],
    clearWith: { ...emptyTexts(r2CustomerTextKeys), ...emptyBlocks, udfs: [] },
    labels: {
      ...addressLabels,
      companyname: 'Company name',
      customerid: 'Customer ID',
      phonenumber: 'Phone',
      faxnumber: 'Fax',
      web: 'Website',
      customerstatus: 'Customer status',
      customertype: 'Customer type',
      creditlimit: 'Credit limit',
      insuranceexpdate: 'Insurance expires',
      salespersonid: 'Salesperson',
      contacts: 'Contacts',
      synchronizer2: 'Synchronize R2',
    },
  },
);

function contactName(contact: PlainObject): string | undefined {
  const name = ['firstname', 'lastname'].map((key) => text(contact[key])).filter(Boolean);
  return name.length > 0 ? name.join(' ') : text(contact['emailaddr']);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
