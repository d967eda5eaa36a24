// A small connector for the engine's tests: flat customer cards (name = natural key, phone, city,
// notes, owner) with a server-set id. Capabilities are switchable, so one suite covers a complete
// one-page listing (like Revnue) and a paged list of summaries with a by-id second tier (like R2).
import { z } from 'zod';
import type {
  ConnectorCapabilities,
  ConnectorDescriptor,
} from '../../../../src-shared/connectors/descriptor';
import { resolve } from '../../../../src-shared/sync/resolve';
import { objectShape } from '../../../../src-shared/sync/shape';
import { validateWith } from '../../../../src-shared/sync/validate';
import type { FakeServerOptions } from './fake-server';
import type { Clock } from '../../../../src-shared/time/clock';
import { noDuplicateFields } from '../../../../src-shared/duplicates';

export interface Card {
  /** Set by the server. */
  readonly id?: string;
  readonly name: string;
  readonly phone: string;
  readonly city: string;
  /** Only in the full record: a list of summaries leaves it out. */
  readonly notes?: string;
  readonly owner: string;
}

export const cardSchema = z.object({
  id: z.string().optional(),
  name: z.string().trim().min(1, 'Name is required').max(50, 'Name must be at most 50 characters'),
  phone: z.string().max(20, 'Phone must be at most 20 characters'),
  city: z.string(),
  notes: z.string().optional(),
  owner: z.string(),
});

export const cardShape = objectShape({}, { readOnly: ['id'], labels: { name: 'Name' } });

export const naturalKeyOfCard = (card: Card) => card.name.trim().toLowerCase();

export type CardApi = 'complete-list' | 'summaries';

export function cardDescriptor(
  api: CardApi = 'complete-list',
  overrides: { parallelPushes?: number } = {},
): ConnectorDescriptor<Card> {
  const summaries = api === 'summaries';
  const capabilities: ConnectorCapabilities = {
    updatedSince: summaries,
    listingIsComplete: !summaries,
    summariesInList: summaries,
    offlineScopes: summaries ? ['all', 'mine', 'opened'] : ['all'],
  };
  return {
    kind: summaries ? 'r2' : 'revnue-v2',
    capabilities,
    rateLimit: { parallelPushes: overrides.parallelPushes ?? 2 },
    shape: cardShape,
    recordSchema: cardSchema as z.ZodType<Card>,
    listColumns: [{ id: 'name', label: 'Name', value: (card) => card.name }],
    editor: [
      { id: 'main', label: 'Customer', fields: [{ path: 'name', label: 'Name', input: 'text' }] },
    ],
    wording: {
      apiName: 'Test API',
      duplicateName: (name) => `A customer named “${name}” already exists.`,
      deletedOnServer: 'This customer was deleted on the server.',
    },
    naturalKey: naturalKeyOfCard,
    displayName: (card) => card.name,
    duplicateFields: (card) => ({ ...noDuplicateFields, name: card.name }),
    contactCards: (card) => [{ fn: card.name }],
    prepareForStore: (card) => card,
    normalizeDraft: (card) => card,
    emptyRecord: () => ({ name: '', phone: '', city: '', owner: '' }),
    validate: (card) => validateWith(cardShape, cardSchema, card),
    resolve: (result, choices) => resolve(cardShape, result, choices, cardSchema),
    itemRenames: () => [],
    summaryOf: (card) => {
      const { notes: _notes, ...summary } = card;
      return summary;
    },
    forRecreate: (card) => {
      const { id: _id, ...rest } = card;
      return rest;
    },
  };
}

export function cardServerOptions(clock: Clock): FakeServerOptions<Card> {
  return {
    clock,
    naturalKey: naturalKeyOfCard,
    withId: (card, id) => ({ ...card, id }),
    ownerOf: (card) => card.owner,
  };
}
