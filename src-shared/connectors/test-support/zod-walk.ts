// Reads a zod 4 schema as a tree of keys, looking through optional, nullable, default and
// transform wrappers, so tests can check that every key a descriptor names exists in the schema.
import type { z } from 'zod';

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
  shape?: Record<string, z.ZodType>;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

const wrappers = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'catch',
  'readonly',
  'nonoptional',
]);

/** The schema under every wrapper (a transform's input side: where the object shape lives). */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (wrappers.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The members of an object schema (of every object option of a union), or undefined. */
export function membersOf(schema: z.ZodType | undefined): Record<string, z.ZodType> | undefined {
  if (!schema) return undefined;
  const def = defOf(unwrap(schema));
  if (def.type === 'object') return def.shape;
  if (def.type === 'union') {
    const objects = (def.options ?? []).flatMap((option) => {
      const members = membersOf(option);
      return members ? [members] : [];
    });
    return objects.length > 0 ? Object.assign({}, ...objects) : undefined;
  }
  return undefined;
}

/** The item schema of an array schema, or undefined. */
export function elementOf(schema: z.ZodType | undefined): z.ZodType | undefined {
  if (!schema) return undefined;
  const def = defOf(unwrap(schema));
  return def.type === 'array' ? def.element : undefined;
}

/** The schema at a dotted path of object keys (`address.city`), or undefined when it has none. */
export function schemaAt(schema: z.ZodType | undefined, path: string): z.ZodType | undefined {
  let current = schema;
  for (const key of path.split('.')) current = membersOf(current)?.[key];
  return current;
}

/**
 * Every leaf field of the schema as `a.b` paths, list items as `list[].field`:
 * `contacts[].address.city`. Objects and lists of objects are walked; everything else is a leaf.
 */
export function leafPaths(schema: z.ZodType, prefix = ''): string[] {
  const members = membersOf(schema);
  if (!members) return [prefix];
  return Object.entries(members).flatMap(([key, member]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const element = elementOf(member);
    if (element && membersOf(element)) return leafPaths(element, `${path}[]`);
    return membersOf(member) ? leafPaths(member, path) : [path];
  });
}
