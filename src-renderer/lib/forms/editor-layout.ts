// What the form engine reads from a descriptor's layout: the record-level fields (for the offline
// uniqueness rules), a blank repeat item, and the "Same as" blocks and where they start ticked.
import type { EditorField, EditorSection } from '../../../src-shared/connectors/descriptor';
import { deepEqual } from '../../../src-shared/sync/values';
import type { SameAsPair } from './draft-ops';
import { getIn, locOf, setIn, type Loc } from './draft-path';

const isTextInput = (field: EditorField) =>
  ['text', 'email', 'tel', 'url', 'textarea'].includes(field.input);

/** The fields of the record itself (not of repeat items), through nested sections. */
export function topLevelFields(sections: readonly EditorSection[]): EditorField[] {
  return sections.flatMap((section) =>
    section.repeat ? [] : [...section.fields, ...topLevelFields(section.sections ?? [])],
  );
}

/** A new item of a repeat: its required texts start as '' (not absent), so the message is "… is required". */
export function blankItem(section: EditorSection): unknown {
  let item: unknown = {};
  for (const field of section.fields) {
    if (field.required && isTextInput(field)) item = setIn(item, locOf([], field.path), '');
  }
  return item;
}

/** "Same as" boxes start ticked where the two blocks already hold the same, non-empty address. */
export function initialSameAs(sections: readonly EditorSection[], record: unknown): SameAsPair[] {
  const pairs: SameAsPair[] = [];
  for (const section of sections) {
    const locs = sameAsLocs(section, []);
    if (section.repeat || !locs) continue;
    const source = getIn(record, locs.from);
    if (source !== undefined && source !== null && deepEqual(source, getIn(record, locs.to))) {
      pairs.push(locs);
    }
  }
  return pairs;
}

/** The block a "Same as" section copies from and the block it is (its fields' common block). */
export function sameAsLocs(section: EditorSection, item: Loc): SameAsPair | null {
  const block = section.fields[0]?.path.split('.')[0];
  if (!section.sameAs || !block) return null;
  return { from: locOf(item, section.sameAs.path), to: locOf(item, block) };
}
