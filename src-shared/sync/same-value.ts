// Equality as the sync rules define it: an identity list is a set (its order carries no meaning,
// as in `diff`), and a member that is undefined is the same as one that is absent.
import { fieldShape, itemsByIdentity, type Shape } from './shape';
import { deepEqual, definedKeys, isPlainObject } from './values';

export function sameValue(shape: Shape, a: unknown, b: unknown): boolean {
  if (shape.kind === 'list' && Array.isArray(a) && Array.isArray(b)) {
    const left = itemsByIdentity(shape, a);
    const right = itemsByIdentity(shape, b);
    if (!left || !right) {
      return (
        a.length === b.length && a.every((item, index) => sameValue(shape.item, item, b[index]))
      );
    }
    if (left.size !== right.size) return false;
    for (const [key, { item }] of left) {
      const match = right.get(key);
      if (!match || !sameValue(shape.item, item, match.item)) return false;
    }
    return true;
  }
  if (shape.kind === 'object' && isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...definedKeys(a), ...definedKeys(b)]);
    for (const key of keys) if (!sameValue(fieldShape(shape, key), a[key], b[key])) return false;
    return true;
  }
  return deepEqual(a, b);
}
