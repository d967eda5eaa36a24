// src-shared/api: what the connectors' zod schemas (src-shared/connectors/<kind>/api/) share;
// every rule the API documents state is a schema rule there, in a salesperson's words.
//
// Messages and field helpers shared by both connectors' schemas: every rule speaks the words a
// salesperson uses ("Name must be at most 50 characters"), never zod's developer wording.
import { z } from 'zod';

export const messages = {
  required: (label: string) => `${label} is required`,
  maxLength: (label: string, max: number) => `${label} must be at most ${max} characters`,
  text: (label: string) => `${label} must be text`,
  email: 'Enter a valid email address',
  /** A calendar day, named by field, with an example instead of format tokens. */
  date: (label: string) => `${label}: enter a date like 2025-06-30`,
  /** A local date and time (the record's `yyyy-MM-ddTHH:mm`, what a date-time picker gives). */
  dateTime: (label: string) => `${label}: enter a date and time like 2025-06-30T14:30`,
  /** The R2 WIRE format: only the server or the sandbox sees it, never the editor. */
  r2DateTime: 'Use the date and time format MM/dd/yyyy HH:mm',
  wholeNumber: (label: string) => `${label} must be a whole number`,
  number: (label: string) => `${label} must be a number`,
  notNegative: (label: string) => `${label} cannot be negative`,
  yesNo: (label: string) => `${label} must be yes or no`,
  oneOf: (label: string, options: readonly string[]) =>
    `${label} must be one of: ${options.join(', ')}`,
  /** "Choose X: A, B or C" — the options as people read them, not as the wire spells them. */
  choose: (label: string, options: readonly string[]) =>
    `${label} must be ${options.slice(0, -1).join(', ')}${options.length > 1 ? ' or ' : ''}${options.at(-1) ?? ''}`,
  /**
   * A part of the record that is not even the right kind of value (a list that is not a list):
   * only a bug or a damaged store produces it, so the salesperson is told what still helps.
   */
  unreadable: (what: string) =>
    `${what} could not be read; open the customer again and re-enter it`,
} as const;

/** Email check used by both APIs: the practical pattern zod itself uses for `z.email()`. */
export const emailPattern: RegExp = z.regexes.email;

/**
 * `contacts[0].emailaddr` for the path `['contacts', 0, 'emailaddr']` — the key format of
 * `AppError.fields` (src-shared/ipc/result.ts) and of the editor's per-field messages.
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Per-field messages keyed by `formatIssuePath`; an issue on the whole object uses key `''`. */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = formatIssuePath(issue.path);
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** A zod issue's input is missing → "X is required", otherwise the given wrong-type message. */
export function typeError(label: string, wrongType: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? messages.required(label) : wrongType;
}
