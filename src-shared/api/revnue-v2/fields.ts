// Field builders for the Revnue body: every builder carries its label so that each broken rule
// reads like "City must be at most 50 characters". Inputs are lenient where an editor form hands
// us strings ('' means "empty", "42" means 42); outputs are the canonical wire values.
import { z } from 'zod';
import { messages, typeError } from '../messages';
import { isCalendarDate } from '../calendar';

/** Required text, trimmed like the server's (DRF) CharField does before checking the length. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: typeError(label, messages.text(label)) })
    .trim()
    .min(1, messages.required(label))
    .max(max, messages.maxLength(label, max));
}

/** Optional text; absent or null becomes '' so a PUT can clear the field on the server. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: messages.text(label) })
    .trim()
    .max(max, messages.maxLength(label, max))
    .nullish()
    .transform((value) => value ?? '');
}

/** Optional `yyyy-MM-dd` date that must exist in the calendar; '' / absent become null. */
export function optionalDate(label: string) {
  return z
    .string({ error: messages.date(label) })
    .trim()
    .nullish()
    .transform((value, ctx) => {
      if (value === undefined || value === null || value === '') return null;
      if (!isCalendarDate(value)) {
        ctx.addIssue({ code: 'custom', message: messages.date(label), input: value });
        return z.NEVER;
      }
      return value;
    });
}

/** Optional yes/no flag; absent means "no". */
export function optionalFlag(label: string) {
  return z
    .boolean({ error: messages.yesNo(label) })
    .nullish()
    .transform((value) => value ?? false);
}

const digits = /^\d+$/;

/** Parses a positive id given as a number or a string of digits (form inputs); '' → undefined. */
function toId(
  value: number | string,
  label: string,
  ctx: z.RefinementCtx,
  wrongValue = messages.wholeNumber(label),
): number | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text === '') return undefined;
  const id = text === undefined ? value : digits.test(text) ? Number(text) : NaN;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    ctx.addIssue({ code: 'custom', message: wrongValue, input: value });
    return undefined;
  }
  return id;
}

/** A required id (`company`): a number or a string of digits, sent as a number. */
export function requiredId(label: string, wrongValue = messages.wholeNumber(label)) {
  return z
    .union([z.number(), z.string()], { error: typeError(label, wrongValue) })
    .transform((value, ctx) => {
      const id = toId(value, label, ctx, wrongValue);
      if (id === undefined) {
        if (ctx.issues.length === 0) {
          ctx.addIssue({ code: 'custom', message: messages.required(label), input: value });
        }
        return z.NEVER;
      }
      return id;
    });
}

/** An optional id (`category`, `country`): absent, null or '' become null. */
export function optionalId(
  label: string,
  wrongValue = `Choose a ${label.toLowerCase()} from the list`,
) {
  return z
    .union([z.number(), z.string()], { error: wrongValue })
    .nullish()
    .transform((value, ctx) => {
      if (value === undefined || value === null) return null;
      const issuesBefore = ctx.issues.length;
      const id = toId(value, label, ctx, wrongValue);
      if (ctx.issues.length > issuesBefore) return z.NEVER;
      return id ?? null;
    });
}
