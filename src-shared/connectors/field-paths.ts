// Field paths and labels typed by the record's keys, so the descriptors' editor layouts, list
// columns and label maps cannot name a field the record does not have: a misspelt
// `'adress.city'` or `{ compnyname: … }` is a compile error, not a blank input at runtime.
import type { EditorField, EditorInput, EditorSection } from './descriptor';

/** The record's own (string) keys, looking through null and undefined. */
export type KeyOf<T> = Extract<keyof NonNullable<T>, string>;

type Member<T, K extends KeyOf<T>> = NonNullable<NonNullable<T>[K]>;

/**
 * Every dotted path to a value of `T`: `'companyname'`, `'address.city'`. A list is one value
 * here (`'contacts'`); its items' fields are named relative to the item, in a repeat section.
 */
export type PathOf<T> = {
  [K in KeyOf<T>]: Member<T, K> extends readonly unknown[]
    ? K
    : Member<T, K> extends object
      ? K | `${K}.${PathOf<Member<T, K>>}`
      : K;
}[KeyOf<T>];

/** The paths of `T` that hold a list of objects: `'contacts'`, `'udfs'`, `'template.fields'`. */
export type ListPathOf<T> = {
  [K in KeyOf<T>]: Member<T, K> extends readonly (infer I)[]
    ? I extends object
      ? K
      : never
    : Member<T, K> extends object
      ? `${K}.${ListPathOf<Member<T, K>>}`
      : never;
}[KeyOf<T>];

/** The item type of the list at `P`. */
export type ItemAt<T, P extends string> = P extends `${infer K}.${infer Rest}`
  ? K extends KeyOf<T>
    ? ItemAt<Member<T, K>, Rest>
    : never
  : P extends KeyOf<T>
    ? Member<T, P> extends readonly (infer I)[]
      ? I
      : never
    : never;

/** A label for some of `T`'s keys; a key `T` lacks does not compile. */
export function labelsFor<T>() {
  return <const L extends { readonly [K in KeyOf<T>]?: string }>(labels: L): L => labels;
}

type FieldOptions = Omit<EditorField, 'path' | 'label' | 'input'>;

/** Builds editor fields and sections whose paths are checked against `T`. */
export interface EditorBuilder<T> {
  field(path: PathOf<T>, label: string, input: EditorInput, options?: FieldOptions): EditorField;
  section(
    id: string,
    label: string,
    fields: readonly EditorField[],
    sections?: readonly EditorSection[],
  ): EditorSection;
  /** A repeatable group: `build` names the fields of ONE item, relative to the item. */
  repeat<P extends ListPathOf<T>>(
    path: P,
    id: string,
    label: string,
    build: (item: EditorBuilder<ItemAt<T, P>>) => {
      fields: readonly EditorField[];
      sections?: readonly EditorSection[];
    },
  ): EditorSection;
}

export function editorFor<T>(): EditorBuilder<T> {
  return {
    field: (path, label, input, options = {}) => ({ path, label, input, ...options }),
    section: (id, label, fields, sections) => ({
      id,
      label,
      fields,
      ...(sections ? { sections } : {}),
    }),
    repeat: (path, id, label, build) => {
      const { fields, sections } = build(editorFor());
      return { id, label, fields, repeat: path, ...(sections ? { sections } : {}) };
    },
  };
}
