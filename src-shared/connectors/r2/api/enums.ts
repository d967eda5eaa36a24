// R2's lookup values. The seed shows ONE example for most of them ("Normal", "Customer", …); where
// it does, the other members below are our plausible choice (kept here, in one place, to extend
// when the real R2 list is known). Only `synchronizer2` is fully stated by the seed.
import { z } from 'zod';
import { messages } from '../../../api/messages';

/** Seed: "Normal"; the text mentions corporate and master bill companies. */
export const r2Types = ['Normal', 'Corporate', 'Master Bill'] as const;
/** Seed: "Customer". Chosen: Customer | Prospect | Vendor. */
export const r2Categories = ['Customer', 'Prospect', 'Vendor'] as const;
/** Seed: "Individual". Chosen: Individual | Business. */
export const r2CustomerTypes = ['Individual', 'Business'] as const;
/** Seed: "Active". Chosen: Active | Inactive | On Hold. */
export const r2CustomerStatuses = ['Active', 'Inactive', 'On Hold'] as const;
/** Seed: "Suspect". Chosen: the sales funnel Suspect | Prospect | Customer | Lost. */
export const r2Phases = ['Suspect', 'Prospect', 'Customer', 'Lost'] as const;
/** Seed: "Rent". Chosen: Rent | Return (pay when renting or when returning). */
export const r2DefaultPayAt = ['Rent', 'Return'] as const;
/** Seed: "Bill". Chosen: Bill | No Bill. */
export const r2Billable = ['Bill', 'No Bill'] as const;
/** Fully stated by the seed. The list endpoint returns only the first two. */
export const r2Synchronizer2 = ['Created in R2', 'Synchronized with R2', 'Created in CRM'] as const;

function enumOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: messages.oneOf(label, values) });
}

export const r2TypeSchema = enumOf('Type', r2Types);
export const r2CategorySchema = enumOf('Category', r2Categories);
export const r2CustomerTypeSchema = enumOf('Customer type', r2CustomerTypes);
export const r2CustomerStatusSchema = enumOf('Customer status', r2CustomerStatuses);
export const r2PhaseSchema = enumOf('Phase', r2Phases);
export const r2DefaultPayAtSchema = enumOf('Default pay at', r2DefaultPayAt);
export const r2BillableSchema = enumOf('Billable', r2Billable);
export const r2Synchronizer2Schema = enumOf('Synchronize R2', r2Synchronizer2);

export type R2Type = z.infer<typeof r2TypeSchema>;
export type R2Category = z.infer<typeof r2CategorySchema>;
export type R2CustomerType = z.infer<typeof r2CustomerTypeSchema>;
export type R2CustomerStatus = z.infer<typeof r2CustomerStatusSchema>;
export type R2Phase = z.infer<typeof r2PhaseSchema>;
export type R2DefaultPayAt = z.infer<typeof r2DefaultPayAtSchema>;
export type R2Billable = z.infer<typeof r2BillableSchema>;
export type R2Synchronizer2 = z.infer<typeof r2Synchronizer2Schema>;

/**
 * What a customer counts as when nobody chose a value: Fieldbook sends it on every create (so its
 * own customers are listed), and the sandbox stores it for a customer created or replaced without.
 */
export const r2DefaultSynchronizer2: R2Synchronizer2 = 'Created in R2';

/** The values the list endpoint returns; "Created in CRM" records exist only by ID. */
export const r2ListedSynchronizer2: readonly R2Synchronizer2[] = [
  'Created in R2',
  'Synchronized with R2',
];
