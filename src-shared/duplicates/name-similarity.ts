// When two company names are "similar": word by word, forgiving a typo, a plural and (while the
// name is still being typed) an unfinished last word; rare words weigh more than common ones, so
// "Acme Industrial Supply" ~ "ACME Industrial Supplies Ltd." but "Müller Bau" ≁ "Müller Elektro".
import { typosAllowed, withinEdits } from './edit-distance';

/** Trade words many different companies share: a name that agrees only in these is not similar. */
const genericWords = new Set(
  [
    'industrial industry industrie supply service solution group gruppe holding international',
    'global system technology technologie tech technik consulting consult trading handel logistic',
    'logistik engineering manufacturing partner associate enterprise product equipment',
    'construction bau elektro maschinenbau software media design energy energie medical food',
    'transport rental vermietung sale sales office center centre shop store studio management',
    'network digital data capital finance invest insurance marketing agency agentur',
    'son sons brother bros europe euro north south east west',
  ].flatMap((words) => words.split(' ')),
);

export function isGenericWord(token: string): boolean {
  return genericWords.has(token);
}

export interface NameMatch {
  /** 0…1: how much of both names (by weight) the matched words cover. */
  readonly score: number;
  readonly similar: boolean;
}

/** A word one or two typos from the other counts a little less than a word begun. */
const typoSimilarity = 0.85;
const twoTyposSimilarity = 0.7;

const noMatch: NameMatch = { score: 0, similar: false };

/** Names that leave words out on one side only (a missing word) need this much in common. */
const oneSidedThreshold = 0.6;
/** A missing word and a misspelt one: "Braripi" ≁ "Brapipi Bernard Technik". */
const oneSidedWithTypoThreshold = 0.75;
/** Names that each have words the other lacks (a different company?) need this much. */
const twoSidedThreshold = 0.85;

/**
 * `weight` tells how telling a word is (rare: high). `typing`: the probe's last word may be
 * unfinished, so a word it begins counts.
 */
export function compareNames(
  probe: readonly string[],
  candidate: readonly string[],
  weight: (token: string) => number,
  typing = false,
): NameMatch {
  if (probe.length === 0 || candidate.length === 0) return noMatch;
  const used = new Array<boolean>(candidate.length).fill(false);
  let common = 0;
  let probeWeight = 0;
  let unmatchedProbe = 0;
  let telling = false;
  let typos = false;
  probe.forEach((word, index) => {
    const wordWeight = weight(word);
    probeWeight += wordWeight;
    const last = typing && index === probe.length - 1;
    let best = -1;
    let bestSimilarity = 0;
    candidate.forEach((other, at) => {
      if (used[at]) return;
      const similarity = wordSimilarity(word, other, last);
      if (similarity > bestSimilarity) {
        best = at;
        bestSimilarity = similarity;
      }
    });
    if (best < 0) {
      unmatchedProbe += wordWeight;
      return;
    }
    used[best] = true;
    if (bestSimilarity === typoSimilarity || bestSimilarity === twoTyposSimilarity) typos = true;
    const other = candidate[best]!;
    common += (bestSimilarity * (wordWeight + weight(other))) / 2;
    if (!isGenericWord(other)) telling = true;
  });
  let candidateWeight = 0;
  let unmatchedCandidate = 0;
  candidate.forEach((other, at) => {
    const otherWeight = weight(other);
    candidateWeight += otherWeight;
    if (!used[at]) unmatchedCandidate += otherWeight;
  });
  const score = (2 * common) / (probeWeight + candidateWeight);
  const oneSided = unmatchedProbe === 0 || unmatchedCandidate === 0;
  // Words missing on both sides AND a misspelt one: more likely another company than a typo.
  const similar =
    telling &&
    (oneSided
      ? score >= (typos ? oneSidedWithTypoThreshold : oneSidedThreshold)
      : !typos && score >= twoSidedThreshold);
  return { score, similar };
}

function wordSimilarity(word: string, other: string, unfinished: boolean): number {
  if (word === other) return 1;
  if (unfinished && word.length >= 3 && other.startsWith(word)) return 0.9;
  const typos = typosAllowed(Math.min(word.length, other.length));
  // A typo counts a little less than a word begun: "Corluho" alone is not "Gorluho Quofinquo".
  if (typos === 0) return 0;
  if (withinEdits(word, other, 1)) return typoSimilarity;
  // Two typos in a long word ("Maschinenbau"): likelier a misspelling than another company,
  // but less sure than one.
  return typos > 1 && withinEdits(word, other, 2) ? twoTyposSimilarity : 0;
  return 0;
}
