import type { GridApi, IRowNode } from 'ag-grid-community';
import type { AnnexRow } from '../../../../shared/model/annex-document';
import { yieldToBrowser } from '../validation/yield-to-browser';

/** Runs `step` in tasks until it returns true; gives back what stops it. */
export type SliceScheduler = (step: () => boolean) => () => void;

/** Estimating 50,000 rows' heights takes ~250 ms: it goes in slices this long, after the grid is drawn. */
const SLICE_MS = 6;
/** Rows estimated between two looks at the clock. */
const ROWS_PER_CLOCK_CHECK = 64;

/** What the settler needs of AG Grid's API. */
export type SettlingApi = Pick<GridApi<AnnexRow>, 'forEachNode' | 'onRowHeightChanged' | 'getFirstDisplayedRowIndex' | 'isDestroyed'>;

export interface RowHeightSettler {
  /** Gives every row its height from `heightOf`, in the background; a second call starts over. */
  settle(api: SettlingApi, heightOf: (row: AnnexRow) => number): void;
  stop(): void;
}

/** Whether a row still has the provisional height AG Grid gives rows it has not drawn (RowNode has the flag, IRowNode does not). */
export const isHeightProvisional = (node: IRowNode<AnnexRow>): boolean =>
  (node as IRowNode<AnnexRow> & { rowHeightEstimated?: boolean }).rowHeightEstimated === true;

/** Gives the node of `row` the height `heightOf` says; true if that changed it, when AG Grid must position the rows again. */
export function giveRowHeight(node: IRowNode<AnnexRow>, row: AnnexRow, heightOf: (row: AnnexRow) => number): boolean {
  const height = heightOf(row);
  if (node.rowHeight === height && !isHeightProvisional(node)) return false;
  node.setRowHeight(height);
  return true;
}

/**
 * AG Grid gives each row it has not drawn a provisional height, and whenever such rows come into view it
 * measures them and positions every row again: at 50,000 rows, ~7 ms (profiled) in every frame of a scrollbar drag.
 * Giving the rows their heights once, in slices after the rows arrive, makes that positioning a one-off.
 */
export function createRowHeightSettler(schedule: SliceScheduler = yieldToBrowser): RowHeightSettler {
  let cancel: (() => void) | undefined;
  const stop = (): void => {
    cancel?.();
    cancel = undefined;
  };

  const apply = (api: SettlingApi, nodes: readonly IRowNode<AnnexRow>[], heightOf: (row: AnnexRow) => number): void => {
    // Rows above the first one drawn keep their heights: what is on screen does not move (scrolling back to
    // correct it would show an empty grid for a frame or more while AG Grid draws the rows again).
    const firstDrawn = api.getFirstDisplayedRowIndex();
    let changed = false;
    for (const node of nodes) {
      if (!node.data || node.destroyed || (node.rowIndex !== null && node.rowIndex < firstDrawn)) continue;
      if (giveRowHeight(node, node.data, heightOf)) changed = true;
    }
    if (changed) api.onRowHeightChanged();
  };

  return {
    settle(api, heightOf) {
      stop();
      // Collected in the first slice, not here: this is called while AG Grid takes the new rows.
      let nodes: IRowNode<AnnexRow>[] | undefined;
      let next = 0;
      const step = (): boolean => {
        if (api.isDestroyed()) return true;
        const deadline = performance.now() + SLICE_MS;
        if (!nodes) {
          const collected: IRowNode<AnnexRow>[] = [];
          api.forEachNode((node) => collected.push(node));
          nodes = collected;
        }
        while (next < nodes.length) {
          const data = (nodes[next++] as IRowNode<AnnexRow>).data;
          // Cached by row: the pass that applies them reads them again for free.
          if (data) heightOf(data);
          if (next % ROWS_PER_CLOCK_CHECK === 0 && next < nodes.length && performance.now() > deadline) return false;
        }
        apply(api, nodes, heightOf);
        return true;
      };
      cancel = schedule(step);
    },
    stop,
  };
}
