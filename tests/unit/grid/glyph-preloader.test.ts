import { describe, expect, it } from 'vitest';
import { createGlyphPreloader } from '../../../renderer/src/features/grid/font-preload';
import type { AnnexRow } from '../../../shared/model/annex-document';
import { generateAnnex } from '../../bench/generate-annex';

/** A FontFaceSet that records the texts it is asked to load. */
function recordingFonts(): { fonts: FontFaceSet; asked: string[] } {
  const asked: string[] = [];
  const fonts = { load: (_font: string, text: string) => (asked.push(text), Promise.resolve([])) } as unknown as FontFaceSet;
  return { fonts, asked };
}

/** A scheduler that keeps the steps for the test to run, as the browser would between frames. */
function heldSteps(): { schedule: (step: () => boolean) => void; runAll: () => number } {
  let step: (() => boolean) | undefined;
  return {
    schedule: (next) => {
      step = next;
    },
    runAll: () => {
      let tasks = 0;
      while (step) {
        tasks += 1;
        if (step()) step = undefined;
      }
      return tasks;
    },
  };
}

const charactersOf = (rows: readonly AnnexRow[]): Set<string> =>
  new Set(rows.flatMap((row) => [...row.title, ...row.summary, ...row.departments.join(''), ...row.sections.join('')]));

describe('createGlyphPreloader', () => {
  it('asks for a small table’s characters at once, each character once', () => {
    const { fonts, asked } = recordingFonts();
    const steps = heldSteps();
    const preload = createGlyphPreloader(fonts, steps.schedule);
    const rows = generateAnnex(50).tables.city.rows;
    preload(rows);
    expect(steps.runAll()).toBe(0);
    expect(new Set([...asked.join('')])).toEqual(charactersOf(rows));
    expect([...asked.join('')].length).toBe(charactersOf(rows).size);
  });

  it('reads a large table in slices after the first, and has asked for every character when the slices end', () => {
    const { fonts, asked } = recordingFonts();
    const steps = heldSteps();
    const preload = createGlyphPreloader(fonts, steps.schedule);
    // The last row alone has a character of its own: reading it at once would mean reading every row at once.
    const generated = generateAnnex(50_000).tables.city.rows;
    const last = generated[generated.length - 1] as AnnexRow;
    const rows = [...generated.slice(0, -1), { ...last, title: `${last.title}龘` }];
    preload(rows);
    expect(asked.join('')).not.toContain('龘');
    expect(steps.runAll()).toBeGreaterThan(0);
    expect(asked.join('')).toContain('龘');
    expect(new Set([...asked.join('')])).toEqual(charactersOf(rows));
  });

  it('reads a row once: the same rows again ask for nothing, an edited row for its new characters only', () => {
    const { fonts, asked } = recordingFonts();
    const steps = heldSteps();
    const preload = createGlyphPreloader(fonts, steps.schedule);
    const rows = generateAnnex(100).tables.city.rows;
    preload(rows);
    steps.runAll();
    const before = asked.length;
    preload(rows);
    expect(asked.length).toBe(before);
    const edited = { ...(rows[0] as AnnexRow), title: `${(rows[0] as AnnexRow).title}鬱` };
    preload([edited]);
    expect(asked.slice(before)).toEqual(['鬱']);
  });

  it('reads nothing without a font set (a page with no document.fonts), not even a large table', () => {
    const steps = heldSteps();
    const preload = createGlyphPreloader(undefined, steps.schedule);
    preload(generateAnnex(50_000).tables.city.rows);
    expect(steps.runAll()).toBe(0);
  });
});
