/** How far the measuring of a print's rows has come. */
export interface MeasureProgress {
  readonly done: number;
  readonly total: number;
  readonly startedAt: number;
}

export interface MeasureProgressStore {
  subscribe(listener: () => void): () => void;
  current(): MeasureProgress | null;
  set(progress: MeasureProgress | null): void;
}

/** Progress outside React state: a run of rows measured redraws the bar, not the preview around it. */
export function createMeasureProgress(): MeasureProgressStore {
  const listeners = new Set<() => void>();
  let progress: MeasureProgress | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current: () => progress,
    set(next) {
      progress = next;
      for (const listener of listeners) listener();
    },
  };
}
