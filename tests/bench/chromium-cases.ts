import type { Measurement, Row } from './bench';
import type { ChromiumSample } from './chromium';

/**
 * The Chromium cases: what one measurement of each side (tests/bench/chromium.ts) yields, as result rows.
 * The floor is AG Grid alone on a page of its own (tests/bench/grid-floor): same rows, same columns, plain
 * cells, the same row heights, in a box the size of the app's grid.
 */
export const CHROMIUM_CASES = [
  { id: 'grid-open', label: '表を開く: ファイルのドロップから行の表示と入力の受付まで（floor: 素の AG Grid、JSON.parse のみ）', target: 1.5 },
  { id: 'grid-scroll-wheel', label: 'ホイールスクロール（120 px/フレーム）のフレーム時間（floor: 素の AG Grid）', target: 1.5 },
  { id: 'grid-scroll-jump', label: 'スクロールバーのジャンプ（全体の 1/50/フレーム）のフレーム時間（floor: 素の AG Grid）', target: 1.5 },
  { id: 'grid-edit', label: '主な取組を Delete で空にしてからエラー数の表示まで（目標 50 ms 未満）', targetMs: 50 },
] as const;

export type ChromiumCaseId = (typeof CHROMIUM_CASES)[number]['id'];

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

const median = (values: readonly number[]): number => percentile(values, 0.5);

/** Per measurement one figure (the open) or many (frames, edits), pooled; memory is each measurement's peak. */
function measurement(samples: readonly ChromiumSample[], pick: (sample: ChromiumSample) => readonly number[]): Measurement {
  const pooled = samples.flatMap((sample) => pick(sample));
  return {
    medianMs: median(pooled),
    p95Ms: percentile(pooled, 0.95),
    maxRssMb: median(samples.map((sample) => sample.rendererPeakMb)),
    jsHeapMb: median(samples.map((sample) => sample.jsHeapMb)),
    rssAtStartMb: median(samples.map((sample) => sample.rendererPeakAtStartMb)),
    rssAfterOpenMb: median(samples.map((sample) => sample.rendererPeakAfterOpenMb)),
    rssAfterScrollMb: median(samples.map((sample) => sample.rendererPeakAfterScrollMb)),
  };
}

const PICK: Record<ChromiumCaseId, (sample: ChromiumSample) => readonly number[]> = {
  'grid-open': (sample) => [sample.openMs],
  'grid-scroll-wheel': (sample) => sample.wheelFrames,
  'grid-scroll-jump': (sample) => sample.jumpFrames,
  'grid-edit': (sample) => sample.editMs,
};

export function chromiumRows(rows: number, samples: { ours: readonly ChromiumSample[]; floor: readonly ChromiumSample[] }, only: readonly ChromiumCaseId[]): Row[] {
  return CHROMIUM_CASES.filter((bench) => only.includes(bench.id)).map((bench): Row => {
    const ours = measurement(samples.ours, PICK[bench.id]);
    if ('targetMs' in bench) {
      return {
        case: bench.id,
        label: bench.label,
        rows,
        ours: { ...ours, domMedianMs: median(samples.ours.flatMap((sample) => sample.editDomMs)) },
        floor: null,
        ratio: null,
        target: null,
        targetMs: bench.targetMs,
      };
    }
    const floor = measurement(samples.floor, PICK[bench.id]);
    const errors = (side: readonly ChromiumSample[]): string[] => [...new Set(side.flatMap((sample) => sample.errors))];
    return {
      case: bench.id,
      label: bench.label,
      rows,
      ours,
      floor,
      ratio: ours.medianMs / Math.max(floor.medianMs, 1e-3),
      target: bench.target,
      ...(bench.id === 'grid-open' ? { pageErrors: { ours: errors(samples.ours), floor: errors(samples.floor) } } : {}),
    };
  });
}
