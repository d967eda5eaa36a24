// An editor layout's field paths in the notation of zod-walk's `leafPaths`
// (`contacts[].address.city`), so a test can compare the two sets.
import type { EditorSection } from '../descriptor';

const join = (prefix: string, path: string) => (prefix === '' ? path : `${prefix}.${path}`);

export function editorPaths(sections: readonly EditorSection[], prefix = ''): string[] {
  return sections.flatMap((section) => {
    const base = section.repeat === undefined ? prefix : `${join(prefix, section.repeat)}[]`;
    return [
      ...section.fields.map((field) => join(base, field.path)),
      ...editorPaths(section.sections ?? [], base),
    ];
  });
}
