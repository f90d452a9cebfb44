import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { readDocumentBytes } from '../../../shared/codec/document-formats';
import { hostileCorpus } from '../../fixtures-src/hostile-corpus';
import { withoutIds } from '../excel-import/import-helpers';
import { expectJapaneseLines, expectUnpolluted, linesOf, prototypeSnapshot } from './hostile-checks';

const base = builtinAnnex();
// A guard against hangs, not a benchmark: every case is refused or read in well under a second or two on a quiet machine.
const HANG_GUARD_MS = 10_000;

describe('hostile and broken files, read as the app reads them (readDocumentBytes against the open annex)', () => {
  for (const hostile of hostileCorpus(base)) {
    it(`${hostile.name}: ${hostile.expected}`, () => {
      const bytes = hostile.bytes();
      // The open document, as the app holds it: not frozen, so a write into it would land and be seen below.
      const open = structuredClone(base);
      const snapshot = structuredClone(open);
      expect(Object.isFrozen(open)).toBe(false);
      const prototypes = prototypeSnapshot();

      const started = performance.now();
      const result = readDocumentBytes(bytes, { fileName: hostile.fileName, base: open });
      expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);

      expect(open).toEqual(snapshot);
      expectUnpolluted(prototypes);
      const lines = linesOf(result);
      expect(result.ok ? (lines.length > 0 ? 'ok-with-warnings' : 'ok') : 'error', lines.slice(0, 5).join('\n')).toBe(hostile.expected);
      if (!result.ok) expect(lines.length).toBeGreaterThan(0);
      expectJapaneseLines(lines, hostile.fileName);
      for (const text of hostile.messageIncludes ?? []) expect(lines.some((line) => line.includes(text)), `${text}\n${lines.slice(0, 5).join('\n')}`).toBe(true);
      if (hostile.readsAsBase) expect(result.ok && withoutIds(result.value.document)).toEqual(withoutIds(base));
    }, 60_000);
  }
});
