// Field builders for the Revnue body: every builder carries its label so that each broken rule
// reads like "City must be at most 50 characters". Two families: the WIRE builders check exactly
// what is sent (a date is a date, an id a number) and leave an absent key absent; the `optional…`
// builders read what an editor form holds ('' means "empty", "42" means 42) into the canonical
// record, where every field is present (blank text '', an unset date or id null).
import { z } from 'zod';
import { messages, typeError } from '../../../api/messages';
import { isCalendarDate } from '../../../api/calendar';

/** Required text, trimmed like the server's (DRF) CharField does before checking the length. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: typeError(label, messages.text(label)) })
    .trim()
    .min(1, messages.required(label))
    .max(max, messages.maxLength(label, max));
}

/** Wire text: a string ('' is the empty text), trimmed, at most `max` characters. */
export function text(label: string, max: number) {
  return z
    .string({ error: messages.text(label) })
    .trim()
    .max(max, messages.maxLength(label, max));
}

/** Record text; absent or null becomes '' (the record always carries every field). */
export function optionalText(label: string, max: number) {
  return text(label, max)
    .nullish()
    .transform((value) => value ?? '');
}

/** Wire date: `yyyy-MM-dd`, a day that exists in the calendar. */
export function calendarDate(label: string) {
  return z
    .string({ error: messages.date(label) })
    .trim()
    .refine(isCalendarDate, messages.date(label));
}

/** Record date: `yyyy-MM-dd` that must exist in the calendar; '' / absent become null. */
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

/** Wire yes/no flag. */
export function flag(label: string) {
  return z.boolean({ error: messages.yesNo(label) });
}

/** Record yes/no flag; absent means "no". */
export function optionalFlag(label: string) {
  return flag(label)
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

const chooseFromList = (label: string) => `Choose a ${label.toLowerCase()} from the list`;

/** Wire id (`category`, `country`): a number, or a string of digits sent as a number. */
export function id(label: string, wrongValue = chooseFromList(label)) {
  return z.union([z.number(), z.string()], { error: wrongValue }).transform((value, ctx) => {
    const issuesBefore = ctx.issues.length;
    const parsed = toId(value, label, ctx, wrongValue);
    if (ctx.issues.length > issuesBefore) return z.NEVER;
    if (parsed === undefined) {
      ctx.addIssue({ code: 'custom', message: wrongValue, input: value });
      return z.NEVER;
    }
    return parsed;
  });
}

/** Record id (`category`, `country`): absent, null or '' become null. */
export function optionalId(label: string, wrongValue = chooseFromList(label)) {
  return z
    .union([z.number(), z.string()], { error: wrongValue })
    .nullish()
    .transform((value, ctx) => {
      if (value === undefined || value === null) return null;
      const issuesBefore = ctx.issues.length;
      const parsed = toId(value, label, ctx, wrongValue);
      if (ctx.issues.length > issuesBefore) return z.NEVER;
      return parsed ?? null;
    });
}
