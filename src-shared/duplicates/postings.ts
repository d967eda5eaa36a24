// A compact multimap from a key (a word, phone digits, a domain) to customer keys. Most keys
// belong to one customer, so a single key is stored as a string, a few as a small array, and
// only a common key (a trade word like "Logistik") gets a Set: at 100,000 customers that saves
// hundreds of thousands of Sets in the worker, and adding to a common key stays O(1).

/** Past this many customers a key's list becomes a Set (includes() on arrays is O(n)). */
const arrayLimit = 16;

type Entry = string | string[] | Set<string>;

export class Postings {
  readonly #map = new Map<string, Entry>();

  get(key: string): readonly string[] {
    const found = this.#map.get(key);
    if (found === undefined) return [];
    if (typeof found === 'string') return [found];
    return Array.isArray(found) ? found : [...found];
  }

  count(key: string): number {
    const found = this.#map.get(key);
    if (found === undefined) return 0;
    if (typeof found === 'string') return 1;
    return Array.isArray(found) ? found.length : found.size;
  }

  add(key: string, value: string): void {
    const found = this.#map.get(key);
    if (found === undefined) this.#map.set(key, value);
    else if (typeof found === 'string') {
      if (found !== value) this.#map.set(key, [found, value]);
    } else if (Array.isArray(found)) {
      if (found.includes(value)) return;
      if (found.length < arrayLimit) found.push(value);
      else this.#map.set(key, new Set([...found, value]));
    } else found.add(value);
  }

  remove(key: string, value: string): void {
    const found = this.#map.get(key);
    if (found === undefined) return;
    if (typeof found === 'string') {
      if (found === value) this.#map.delete(key);
      return;
    }
    if (!Array.isArray(found)) {
      found.delete(value);
      if (found.size === 0) this.#map.delete(key);
      return;
    }
    const rest = found.filter((item) => item !== value);
    if (rest.length === 0) this.#map.delete(key);
    else this.#map.set(key, rest.length === 1 ? rest[0]! : rest);
  }
}
