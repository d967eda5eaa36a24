// Record equality as the sync rules define it: identity lists compared as sets (order carries no
// meaning), absent ≡ undefined, and optionally read-only fields left out.
import { fieldShape, itemsByIdentity, type Shape } from '../shape';
import { definedKeys, isPlainObject } from '../values';

/** A copy with identity lists sorted by identity, undefined members dropped, read-only dropped if asked. */
export function canonical(shape: Shape, value: unknown, withoutReadOnly = false): unknown {
  if (shape.kind === 'list' && Array.isArray(value)) {
    const items = itemsByIdentity(shape, value);
    if (!items) return value.map((item) => canonical(shape.item, item, withoutReadOnly));
    return [...items.keys()]
      .sort()
      .map((key) => canonical(shape.item, items.get(key)?.item, withoutReadOnly));
  }
  if (shape.kind === 'object' && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of definedKeys(value).sort()) {
      if (withoutReadOnly && shape.readOnly.includes(key)) continue;
      out[key] = canonical(fieldShape(shape, key), value[key], withoutReadOnly);
    }
    return out;
  }
  return value;
}
