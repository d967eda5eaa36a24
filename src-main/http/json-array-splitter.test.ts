// The splitter must give back exactly JSON.parse's elements however the bytes are cut, and say in
// words when the body is not one whole JSON array.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { JsonArraySplitter, JsonListError } from './json-array-splitter';

const encode = (text: string) => new TextEncoder().encode(text);

/** Feeds `bytes` cut at `cuts` (byte offsets) and answers every element, parsed. */
function split(bytes: Uint8Array, cuts: number[] = []): unknown[] {
  const splitter = new JsonArraySplitter('customers');
  const out: unknown[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b).concat(bytes.length)) {
    for (const text of splitter.write(bytes.subarray(from, cut))) out.push(JSON.parse(text));
    from = cut;
  }
  splitter.end();
  return out;
}

function failure(text: string): string {
  try {
    split(encode(text));
  } catch (error) {
    expect(error).toBeInstanceOf(JsonListError);
    return (error as Error).message;
  }
  throw new Error(`no failure for ${text}`);
}

describe('JsonArraySplitter', () => {
  test('any JSON array, cut at any bytes, gives the elements JSON.parse gives', () => {
    // Strings with quotes, backslashes, brackets, commas and non-ASCII characters, nested freely.
    const tricky = fc.string({
      unit: fc.constantFrom('"', '\\', '[', ']', '{', '}', ',', 'é', '😀', 'a', ' '),
    });
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        tricky,
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('any'), { maxLength: 4 }),
        fc.dictionary(tricky, tie('any'), { maxKeys: 4 }),
      ),
    })).any;
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.boolean(),
        (list, rawCuts, pretty) => {
          const bytes = encode(JSON.stringify(list, null, pretty ? 2 : undefined));
          const cuts = rawCuts.map((cut) => cut % (bytes.length + 1));
          expect(split(bytes, cuts)).toEqual(JSON.parse(new TextDecoder().decode(bytes)));
        },
      ),
      { numRuns: 400 },
    );
  });

  test('hands out each element as soon as its last byte arrives', () => {
    const splitter = new JsonArraySplitter();
    expect(splitter.write(encode('[{"id":1,"n":"a}"},{"id"'))).toEqual(['{"id":1,"n":"a}"}']);
    expect(splitter.write(encode(':2}'))).toEqual(['{"id":2}']);
    expect(splitter.write(encode(' ]'))).toEqual([]);
    expect(() => splitter.end()).not.toThrow();
    expect(splitter.elements).toBe(2);
  });

  test('an empty list and whitespace around it are fine', () => {
    expect(split(encode(' \n[ ] \n'))).toEqual([]);
  });

  test('a body cut off before the closing bracket says how far it got', () => {
    expect(failure('[{"id":1},{"id":2},{"id":')).toBe(
      'the answer stopped after 2 customers, before the list was complete',
    );
    expect(failure('[{"id":1}')).toMatch(/stopped after 1 customers/);
    expect(failure('')).toBe('the answer was empty');
  });

  test('something that is not one JSON array is refused in words', () => {
    expect(failure('{"detail":"x"}')).toBe(
      'expected the list to start with [ after 0 customers but found “{”',
    );
    expect(failure('[{"id":1}] []')).toMatch(/expected nothing after the list after 1 customers/);
    expect(failure('[{"id":1},]')).toMatch(/expected a value after 1 customers but found “]”/);
    expect(failure('[{"id":1} {"id":2}]')).toMatch(/expected , or \] after 1 customers/);
  });

  test('an element that is not valid UTF-8 is refused', () => {
    const bytes = new Uint8Array([...encode('["'), 0xff, 0xfe, ...encode('"]')]);
    expect(() => split(bytes)).toThrow(/not valid UTF-8/);
  });
});
