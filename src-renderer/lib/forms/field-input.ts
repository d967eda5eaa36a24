// How one editor input shows a record value and reads typed text back: dates in the regional
// format (stored as the API keeps them), numbers as numbers, money as the descriptor says, select
// options from enums or a cached lookup. Pure; the form engine and the field components use it.
import type {
  ConnectorLookups,
  EditorField,
  EditorInput,
} from '../../../src-shared/connectors/descriptor';
import { dateExample, parseDate, parseDateTime, showDate } from './locale-dates';
import { readNumber, showNumber } from './locale-numbers';

/** What an input needs to know to convert: its kind and (custom money) how the value is kept. */
export interface InputSpec {
  readonly input: EditorInput;
  readonly label: string;
  readonly valueAs?: 'number' | 'string';
}

/** The text an input shows for a stored value. */
export function textOf(value: unknown, input: EditorInput, locale: string): string {
  if (value === null || value === undefined) return '';
  if ((input === 'date' || input === 'datetime') && typeof value === 'string') {
    return showDate(value, input, locale);
  }
  if ((input === 'number' || input === 'money') && typeof value !== 'object') {
    if (typeof value === 'number' || typeof value === 'string') return showNumber(value, locale);
  }
  return String(value);
}

export type ReadResult = { value: unknown; error?: string };

/**
 * Typed text → the value to store. Text the input cannot read is kept as typed (nothing is lost)
 * with a message in the salesperson's own format; empty text clears the field.
 */
export function readText(text: string, spec: InputSpec, locale: string): ReadResult {
  const trimmed = text.trim();
  switch (spec.input) {
    case 'date': {
      if (trimmed === '') return { value: null };
      const iso = parseDate(trimmed, locale);
      return iso
        ? { value: iso }
        : { value: text, error: `${spec.label}: enter a date like ${dateExample(locale)}` };
    }
    case 'datetime': {
      if (trimmed === '') return { value: null };
      const iso = parseDateTime(trimmed, locale);
      return iso
        ? { value: iso }
        : {
            value: text,
            error: `${spec.label}: enter a date and time like ${dateExample(locale)} 14:30`,
          };
    }
    case 'number':
    case 'money': {
      if (trimmed === '') return { value: null };
      const plain = readNumber(trimmed, locale);
      // Money kept as a string stays the decimal string the schema checks (every digit kept);
      // text that is no number is kept as typed and the schema says why in its own words.
      if (spec.valueAs === 'string') return { value: plain ?? trimmed };
      if (plain === null) return { value: text };
      return { value: Number(plain) };
    }
    default:
      return { value: text };
  }
}

export interface SelectOption {
  /** The <option>'s value ('' is "none"). */
  readonly value: string;
  readonly label: string;
  /** What the record stores for it (lookup ids are numbers). */
  readonly stored: unknown;
}

/** A select's options: the field's enum values, or the items `{id, name}` of its cached lookup. */
export function optionsOf(field: EditorField, lookups: ConnectorLookups): SelectOption[] {
  const options = field.options;
  if (options === undefined) return [];
  if (typeof options === 'string') {
    const list = lookups[options.slice('lookup:'.length)];
    if (!Array.isArray(list)) return [];
    return list.flatMap((item: unknown) => {
      const { id, name } = (item ?? {}) as { id?: unknown; name?: unknown };
      if (typeof id !== 'number' && typeof id !== 'string') return [];
      return [
        { value: String(id), label: typeof name === 'string' ? name : String(id), stored: id },
      ];
    });
  }
  return options.map((value) => ({
    value,
    label: field.optionLabels?.[value] ?? value,
    stored: value,
  }));
}

/** The option value a stored value selects ('' for none). */
export function optionValueOf(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The stored value of a chosen option value ('' = none = null). */
export function storedOf(options: readonly SelectOption[], chosen: string): unknown {
  if (chosen === '') return null;
  return options.find((option) => option.value === chosen)?.stored ?? chosen;
}
