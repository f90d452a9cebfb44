/** Replacing a query's matches in one text, where width and case folding may change lengths. */
import type { FindQuery } from './find-replace';
import { foldedUnitLength, foldingOf, foldShape, foldText, segmentFold, type Folding, type SegmentFold } from './text-fold';

export interface Replacement {
  readonly folding: Folding;
  readonly needle: string;
  /** Longest stretch of original text a match may cover; folding can change lengths (ｶﾞ → ガ, ㍿ → 株式会社). */
  readonly reach: number;
  readonly text: string;
}

export const replacementFor = (query: FindQuery, text: string): Replacement => {
  const folding = foldingOf(query);
  return { folding, needle: foldText(query.text, folding), reach: query.text.length * 2 + 2, text };
};

/** End of the shortest original stretch from start that folds to the needle, or -1: the exact, slow check. */
function matchEndByFoldingSlices(text: string, start: number, replacement: Replacement): number {
  const last = Math.min(text.length, start + replacement.reach);
  for (let end = start + 1; end <= last; end++) {
    if (foldText(text.slice(start, end), replacement.folding) === replacement.needle) return end;
  }
  return -1;
}

/** Offsets from which every offset up to `reach` further is a cut point, so slices there fold piecewise. */
function startsWithCutsWithinReach(segments: SegmentFold, reach: number): Uint8Array {
  const length = segments.foldedOffsetAt.length - 1;
  const cutsAhead = new Uint8Array(length + 1);
  let nextNonCut = length + 1;
  for (let offset = length; offset >= 0; offset--) {
    if ((segments.foldedOffsetAt[offset] as number) < 0) nextNonCut = offset;
    cutsAhead[offset] = nextNonCut > Math.min(length, offset + reach) ? 1 : 0;
  }
  return cutsAhead;
}

function foldedNeedleStarts(folded: string, needle: string): Uint8Array {
  const starts = new Uint8Array(folded.length + 1);
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) starts[at] = 1;
  return starts;
}

/** Matches starting at any offset of one text, found through its folded form where slices fold piecewise. */
function matchEndFinder(text: string, replacement: Replacement): (start: number) => number {
  const slowly = (start: number): number => matchEndByFoldingSlices(text, start, replacement);
  const segments = segmentFold(text, replacement.folding);
  if (!segments) return slowly;
  const piecewise = startsWithCutsWithinReach(segments, replacement.reach);
  const needleStarts = foldedNeedleStarts(segments.folded, replacement.needle);
  return (start) => {
    if (piecewise[start] !== 1) return slowly(start);
    const foldedStart = segments.foldedOffsetAt[start] as number;
    if (needleStarts[foldedStart] !== 1) return -1;
    const end = segments.originalOffsetAt[foldedStart + replacement.needle.length] as number;
    return end > start && end - start <= replacement.reach ? end : -1;
  };
}

/** Left to right, replaces each stretch that matchEnd reports from an offset, then resumes after it. */
function replaceScanning(text: string, replacement: Replacement, matchEnd: (start: number) => number): string {
  let result = '';
  let copiedUpTo = 0;
  let offset = 0;
  while (offset < text.length) {
    const end = matchEnd(offset);
    if (end < 0) {
      offset += 1;
      continue;
    }
    result += text.slice(copiedUpTo, offset) + replacement.text;
    offset = copiedUpTo = end;
  }
  return result + text.slice(copiedUpTo);
}

/** Where every unit folds alone: find the needle in the folded text, then walk unit lengths to map it back. */
function replaceUnitByUnit(text: string, replacement: Replacement): string {
  const { needle, folding } = replacement;
  const folded = foldText(text, folding);
  let result = '';
  let copiedUpTo = 0;
  let offset = 0;
  let foldedOffset = 0;
  for (let hit = folded.indexOf(needle); hit >= 0; hit = folded.indexOf(needle, Math.max(hit + 1, foldedOffset))) {
    for (; foldedOffset < hit; offset++) foldedOffset += foldedUnitLength(text, offset, folding);
    // A hit starting or ending inside one unit's folded form (ﬁ → fi) is no match of whole units.
    if (foldedOffset !== hit) continue;
    let end = offset;
    let foldedEnd = foldedOffset;
    for (; foldedEnd < hit + needle.length; end++) foldedEnd += foldedUnitLength(text, end, folding);
    if (foldedEnd !== hit + needle.length || end - offset > replacement.reach) continue;
    result += text.slice(copiedUpTo, offset) + replacement.text;
    copiedUpTo = offset = end;
    foldedOffset = foldedEnd;
  }
  return result + text.slice(copiedUpTo);
}

/**
 * Replaces, left to right, the shortest original stretch at each offset whose folded form is the needle.
 * Annex text is almost all unit-by-unit, which needs no per-offset tables; entangled text (ｶﾞ, marks) does.
 */
export function replaceIn(text: string, replacement: Replacement): string {
  switch (foldShape(text, replacement.folding)) {
    case 'unchanged':
      return replacement.needle.length <= replacement.reach ? text.split(replacement.needle).join(replacement.text) : text;
    case 'unit-by-unit':
      return replaceUnitByUnit(text, replacement);
    case 'entangled':
      return replaceScanning(text, replacement, matchEndFinder(text, replacement));
  }
}
