// The arena against the texts pushed: any text (Latin-1, beyond it, lone surrogates, longer than
// one decoding chunk, empty) comes back exactly, before and after a reset.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '../sync/test-support/fc-params';
import { TextArena } from './text-arena';

const text = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((code) => String.fromCharCode(code)) }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
  fc.constantFrom('', 'ł', 'Müller & Söhne', 'x'.repeat(9_000), `${'é'.repeat(5_000)}ő`),
);

describe('TextArena', () => {
  it('gives back every text exactly as pushed, and again after a reset', () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 60 }),
        fc.array(text, { maxLength: 10 }),
        (first, second) => {
          const arena = new TextArena();
          const entries = first.map((value) => arena.push(value));
          expect(entries).toEqual(first.map((_, at) => at));
          expect(entries.map((entry) => arena.text(entry))).toEqual(first);
          arena.reset();
          expect(arena.entries).toBe(0);
          const again = second.map((value) => arena.push(value));
          expect(again.map((entry) => arena.text(entry))).toEqual(second);
        },
      ),
      propertyParams(),
    );
  });
});
