// The reference model of the model-based engine test: per customer and field, the value both sides
// last agreed on, the salesperson's unsent value and a colleague's concurrent one. What the server
// must hold once everything synced follows from it: mine, else theirs, else the agreed value.
export const modelFields = ['city', 'phone'] as const;
export type ModelField = (typeof modelFields)[number];

export interface FieldTrack {
  /** The salesperson's latest value, until the server is known to have it. */
  mine?: string;
  /** A colleague's latest value the salesperson has not seen. */
  theirs?: string;
  /** The value both sides agreed on last. */
  agreed: string;
}

export interface ModelCustomer {
  readonly name: string;
  /** The key it was created under on this computer (null: it came from the server). */
  readonly createdKey: string | null;
  readonly fields: Record<ModelField, FieldTrack>;
  /** A create discarded before it was ever sent: the server must never see it. */
  discarded: boolean;
}

export interface OutboxModel {
  readonly customers: ModelCustomer[];
  /** Makes every name and value unique, so no two edits can agree by chance. */
  counter: number;
  /** `name.field` of every conflict the engine flagged. */
  readonly flagged: Set<string>;
}

export function newModel(): OutboxModel {
  return { customers: [], counter: 0, flagged: new Set() };
}

export function track(value: string): FieldTrack {
  return { agreed: value };
}

export function uniqueValue(model: OutboxModel, field: string): string {
  model.counter += 1;
  return `${field}-${model.counter}`;
}

export function expectedValue(field: FieldTrack): string {
  return field.mine ?? field.theirs ?? field.agreed;
}

/** Both sides changed it to different values: only a flagged conflict may settle it. */
export function isConcurrent(field: FieldTrack): boolean {
  return field.mine !== undefined && field.theirs !== undefined && field.mine !== field.theirs;
}

export function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}
