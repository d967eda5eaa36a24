// The store's rules are the same for both APIs; each case says how to build and edit its records,
// so every suite test runs once with R2 records and once with Revnue records.
import type { ConnectorDescriptor } from '../../../../src-shared/connectors/descriptor';
import type { R2CustomerRecord } from '../../../../src-shared/connectors/r2/api';
import type { RevnueCustomerRecord } from '../../../../src-shared/connectors/revnue-v2/api';
import { acmeOnR2, globexOnRevnue } from '../../../../src-shared/sync/test-support/sample-records';
import { r2Descriptor, revnueDescriptor } from '../../../../src-shared/connectors';

export interface StoreCase<T> {
  readonly name: string;
  readonly descriptor: ConnectorDescriptor<T>;
  /** A complete record as the server holds it under `serverId`. */
  serverRecord(serverId: string, name: string): T;
  /** A customer the salesperson has just typed in (never on the server). */
  newRecord(name: string): T;
  /** What the server answers to creating `sent` as `serverId`. */
  created(sent: T, serverId: string): T;
  /** The server id a record carries inside it, if any. */
  serverIdOf(record: T): unknown;
  readonly phonePath: string;
  phoneOf(record: T): unknown;
  withPhone(record: T, phone: string): T;
  readonly cityPath: string;
  withCity(record: T, city: string): T;
  readonly namePath: string;
  withName(record: T, name: string): T;
}

export const r2Case: StoreCase<R2CustomerRecord> = {
  name: 'R2',
  descriptor: r2Descriptor,
  serverRecord(serverId, name) {
    const { customerid: _customerid, ...acme } = acmeOnR2();
    return { ...acme, recordid: serverId, companyname: name };
  },
  newRecord: (name) => ({
    companyname: name,
    phonenumber: '+44 113 496 0100',
    address: { city: 'York' },
    contacts: [{ firstname: 'Nia', lastname: 'New', emailaddr: 'nia@new.example' }],
  }),
  created: (sent, serverId) => ({
    ...sent,
    recordid: serverId,
    contacts: sent.contacts?.map(({ localKey: _localKey, ...contact }, index) => ({
      ...contact,
      recordid: contact.recordid ?? `C-${serverId}-${index}`,
    })),
    createddate: '2024-06-01T10:00',
  }),
  serverIdOf: (record) => record.recordid,
  phonePath: 'phonenumber',
  phoneOf: (record) => record.phonenumber,
  withPhone: (record, phone) => ({ ...record, phonenumber: phone }),
  cityPath: 'address.city',
  withCity: (record, city) => ({ ...record, address: { ...record.address, city } }),
  namePath: 'companyname',
  withName: (record, name) => ({ ...record, companyname: name }),
};

export const revnueCase: StoreCase<RevnueCustomerRecord> = {
  name: 'Revnue',
  descriptor: revnueDescriptor,
  serverRecord: (serverId, name) => ({ ...globexOnRevnue(), id: Number(serverId), name }),
  newRecord(name) {
    const { id: _id, ...globex } = globexOnRevnue();
    return { ...globex, name, phone: '+1 555 0199' };
  },
  created: (sent, serverId) => ({ ...sent, id: Number(serverId) }),
  serverIdOf: (record) => record.id,
  phonePath: 'phone',
  phoneOf: (record) => record.phone,
  withPhone: (record, phone) => ({ ...record, phone }),
  cityPath: 'city',
  withCity: (record, city) => ({ ...record, city }),
  namePath: 'name',
  withName: (record, name) => ({ ...record, name }),
};

export const storeCases = [r2Case, revnueCase] as const;
