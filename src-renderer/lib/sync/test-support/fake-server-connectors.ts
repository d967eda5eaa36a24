// The connectors an engine world can run: the small test cards (both API styles), and the REAL
// Revnue v2 descriptor (shape, schema, natural key) with its records held by the fake server —
// so the engine's merge and exactly-once rules are also proven on the shipped connector.
import type { RevnueCustomerRecord } from '../../../../src-shared/connectors/revnue-v2/api';
import type { ConnectorDescriptor } from '../../../../src-shared/connectors/descriptor';
import { revnueDescriptor } from '../../../../src-shared/connectors/revnue-v2/descriptor';
import type { Clock } from '../../../../src-shared/time/clock';
import type { FakeServerOptions } from './fake-server';
import {
  cardDescriptor,
  cardServerOptions,
  type Card,
  type CardApi,
} from './fake-server-descriptor';

/** What the engine tests read and write of any record: a name (the natural key), city, phone. */
export interface CardLike {
  readonly name: string;
  readonly city: string;
  readonly phone: string;
}

export interface CardFields {
  readonly name: string;
  readonly city?: string;
  readonly phone?: string;
  readonly owner?: string;
  readonly notes?: string;
}

export interface WorldConnector<T extends CardLike> {
  readonly label: string;
  descriptor(api: CardApi, parallelPushes: number): ConnectorDescriptor<T>;
  serverOptions(clock: Clock): FakeServerOptions<T>;
  newRecord(fields: CardFields): T;
}

export const cardConnector: WorldConnector<Card> = {
  label: 'test cards',
  descriptor: (api, parallelPushes) => cardDescriptor(api, { parallelPushes }),
  serverOptions: cardServerOptions,
  newRecord: ({ name, city = '', phone = '', owner = 'ann', notes }) => ({
    name,
    city,
    phone,
    owner,
    ...(notes === undefined ? {} : { notes }),
  }),
};

/** Revnue's list is complete and carries full records: the `api` switch does not apply. */
export const revnueConnector: WorldConnector<RevnueCustomerRecord> = {
  label: 'Revnue v2 descriptor',
  descriptor: (_api, parallelPushes) => ({
    ...revnueDescriptor,
    rateLimit: { ...revnueDescriptor.rateLimit, parallelPushes },
  }),
  serverOptions: (clock) => ({
    clock,
    naturalKey: (record) => revnueDescriptor.naturalKey(record),
    // Revnue ids are numbers; the fake server's "S<n>" becomes n.
    withId: (record, id) => ({ ...record, id: Number(id.slice(1)) }),
  }),
  newRecord: ({ name, city = '', phone = '' }) => ({
    ...revnueDescriptor.emptyRecord(),
    name,
    city,
    phone,
  }),
};
