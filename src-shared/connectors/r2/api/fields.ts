// Small builders for R2 shapes: the seed lists dozens of plain string fields, so shapes are built
// from key lists (typed) instead of being spelled out twice for the read and the write side.
import { z } from 'zod';
import { messages } from '../../../api/messages';
import { r2TextLabel } from './labels';

/** `{ a: schema, b: schema }` for keys `['a', 'b']`, keeping the key types. */
export function fieldsOf<const K extends string, S extends z.ZodType>(
  keys: readonly K[],
  schema: (key: K) => S,
): Record<K, S> {
  // fromEntries loses the key types; they are exactly `keys`.
  return Object.fromEntries(keys.map((key) => [key, schema(key)])) as Record<K, S>;
}

/** Server data: any string, or nothing. */
export const readText = () => z.string().nullish();

/** User input: a string (null clears the field). The seed states no lengths, so we impose none. */
export const writeText = (key: string) =>
  z.string({ error: messages.text(r2TextLabel(key)) }).nullish();

/** Amounts (money, percentages): a number that cannot be negative. */
export function nonNegativeAmount(label: string) {
  return z
    .number({ error: messages.number(label) })
    .nonnegative(messages.notNegative(label))
    .nullish();
}

export const readFlag = () => z.boolean().nullish();
export const writeFlag = (label: string) => z.boolean({ error: messages.yesNo(label) }).nullish();
