// Field paths name one place in a record, stable under reordering of identity lists:
// `contacts[recordid=C-17].address.city`, `udfs[caption=Region].value`, `template.fields[id=7].value`.
import { isPlainObject } from './values';

/** A canonical path string; equal places always have equal strings. `''` is the whole record. */
export type FieldPath = string;
export const ROOT_PATH: FieldPath = '';

/** Selects the item of an identity list whose `key` equals `id`. */
export interface ItemSelector {
  readonly key: string;
  readonly id: string | number;
}
export type PathSegment = string | ItemSelector;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// Bare ids read naturally (`Region`, `C-17`, `Sales region`); anything else is a JSON literal, so
// the number 7 (`[id=7]`) and the string "7" (`[id="7"]`) never collide.
const BARE_ID = /^[A-Za-z_][\w\- ]*$/;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

function formatId(id: string | number): string {
  if (typeof id === 'number') return JSON.stringify(id);
  return BARE_ID.test(id) && !id.endsWith(' ') ? id : JSON.stringify(id);
}

export function formatSegment(segment: PathSegment, first: boolean): string {
  if (typeof segment !== 'string') return `[${segment.key}=${formatId(segment.id)}]`;
  if (!IDENTIFIER.test(segment)) return `[${JSON.stringify(segment)}]`;
  return first ? segment : `.${segment}`;
}

export function pathFromSegments(segments: readonly PathSegment[]): FieldPath {
  return segments.map((segment, index) => formatSegment(segment, index === 0)).join('');
}

export function childPath(parent: FieldPath, segment: PathSegment): FieldPath {
  return parent + formatSegment(segment, parent === ROOT_PATH);
}

/** The path `descendant` relative to `ancestor` (which must be a prefix of it). */
export function relativePath(ancestor: FieldPath, descendant: FieldPath): FieldPath {
  const rest = descendant.slice(ancestor.length);
  return rest.startsWith('.') ? rest.slice(1) : rest;
}

/** True when `prefix` names `path` itself or a place that contains it. */
export function isPrefixOrEqual(prefix: FieldPath, path: FieldPath): boolean {
  if (prefix === ROOT_PATH || prefix === path) return true;
  if (!path.startsWith(prefix)) return false;
  const next = path[prefix.length];
  return next === '.' || next === '[';
}

export function isStrictPrefix(prefix: FieldPath, path: FieldPath): boolean {
  return prefix !== path && isPrefixOrEqual(prefix, path);
}

/** Parses a canonical path; `null` when it is malformed. */
export function parsePath(path: FieldPath): PathSegment[] | null {
  const segments: PathSegment[] = [];
  let rest = path;
  while (rest.length > 0) {
    const first = segments.length === 0;
    if (rest.startsWith('[')) {
      const parsed = parseBracket(rest);
      if (!parsed) return null;
      segments.push(parsed.segment);
      rest = parsed.rest;
      continue;
    }
    if (!first) {
      if (!rest.startsWith('.')) return null;
      rest = rest.slice(1);
    }
    const match = /^[A-Za-z_$][\w$]*/.exec(rest);
    if (!match) return null;
    segments.push(match[0]);
    rest = rest.slice(match[0].length);
  }
  return pathFromSegments(segments) === path ? segments : null;
}

// Merges and applies look the same few dozen paths up again and again; parse each once.
const parsed = new Map<FieldPath, readonly PathSegment[]>();
const PARSED_LIMIT = 10_000;

/** Like parsePath, for paths this module produced; a malformed one is a programming error. */
export function segmentsOf(path: FieldPath): readonly PathSegment[] {
  const known = parsed.get(path);
  if (known) return known;
  const segments = parsePath(path);
  if (!segments) throw new Error(`Malformed field path: ${JSON.stringify(path)}`);
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(path, segments);
  return segments;
}

function parseBracket(text: string): { segment: PathSegment; rest: string } | null {
  if (text.startsWith('["')) {
    const literal = readJsonString(text, 1);
    if (!literal || text[literal.end] !== ']') return null;
    return { segment: literal.value, rest: text.slice(literal.end + 1) };
  }
  const eq = text.indexOf('=');
  if (eq < 0) return null;
  const key = text.slice(1, eq);
  if (!IDENTIFIER.test(key)) return null;
  if (text[eq + 1] === '"') {
    const literal = readJsonString(text, eq + 1);
    if (!literal || text[literal.end] !== ']') return null;
    return { segment: { key, id: literal.value }, rest: text.slice(literal.end + 1) };
  }
  const close = text.indexOf(']', eq);
  if (close < 0) return null;
  const raw = text.slice(eq + 1, close);
  const id = NUMBER.test(raw) ? Number(raw) : raw;
  return { segment: { key, id }, rest: text.slice(close + 1) };
}

function readJsonString(text: string, start: number): { value: string; end: number } | null {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  if (index >= text.length) return null;
  try {
    const value: unknown = JSON.parse(text.slice(start, index + 1));
    return typeof value === 'string' ? { value, end: index + 1 } : null;
  } catch {
    return null;
  }
}

/** Whether `value` can be the id of an identity-list item. */
export function isItemId(value: unknown): value is string | number {
  return (typeof value === 'string' && value !== '') || Number.isFinite(value);
}

/** Whether `item` is the one `selector` names. */
export function selects(selector: ItemSelector, item: unknown): boolean {
  return isPlainObject(item) && item[selector.key] === selector.id;
}
