// The matcher's quality gate on the seeded corpus at the quick size (a tenth of the benchmark's
// 100,000): recall ≥ 0.95 at precision ≥ 0.90, and every kind of planted duplicate is found.
// A quality figure, not a timing: bench/duplicates.ts measures the time.
import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '.';
import { duplicateCorpus, indexOfCorpus, measureQuality } from './test-support/duplicate-corpus';

describe('duplicate corpus quality', () => {
  const corpus = duplicateCorpus(10_000, 50);
  const quality = measureQuality(
    indexOfCorpus(corpus, new DuplicateIndex()),
    corpus.cases,
    Date.now,
  );

  it('finds planted near-duplicates (recall ≥ 0.95) with few wrong candidates (precision ≥ 0.90)', () => {
    expect(quality.recall).toBeGreaterThanOrEqual(0.95);
    expect(quality.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('finds most of each kind, and keeps most hard negatives without candidates', () => {
    const weak = Object.entries(quality.byKind).filter(([, { right, of }]) => right / of < 0.9);
    expect(weak).toEqual([]);
    expect(Object.keys(quality.byKind)).toHaveLength(12);
  });
});
