import type { IRowNode } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { createRowHeightSettler, type SettlingApi } from '../../../renderer/src/features/grid/row-height-settler';
import type { AnnexRow } from '../../../shared/model/annex-document';
import { defaultRow } from '../support/document-builder';

/** A row node as AG Grid keeps one: a provisional height until it is given one. */
interface FakeNode {
  data: AnnexRow;
  rowHeight: number;
  rowTop: number;
  rowIndex: number;
  rowHeightEstimated: boolean;
  destroyed: boolean;
  setRowHeight(height: number): void;
}

/** AG Grid's row model as the settler sees it: `onRowHeightChanged` positions every row again. */
function fakeGrid(count: number, provisional: number, firstDisplayed = 0) {
  const nodes: FakeNode[] = Array.from({ length: count }, (_, index): FakeNode => ({
    data: { ...defaultRow('city', index), id: `r${index}` },
    rowHeight: provisional,
    rowTop: 0,
    rowIndex: index,
    rowHeightEstimated: true,
    destroyed: false,
    setRowHeight(height) {
      this.rowHeight = height;
      this.rowHeightEstimated = false;
    },
  }));
  let positionings = 0;
  const position = (): void => {
    positionings += 1;
    let top = 0;
    for (const node of nodes) {
      node.rowTop = top;
      top += node.rowHeight;
    }
  };
  position();
  positionings = 0;
  let destroyed = false;
  const api: SettlingApi = {
    forEachNode: (visit: (node: IRowNode<AnnexRow>, index: number) => void) => nodes.forEach((node, index) => visit(node as unknown as IRowNode<AnnexRow>, index)),
    onRowHeightChanged: position,
    getFirstDisplayedRowIndex: () => firstDisplayed,
    isDestroyed: () => destroyed,
  } as SettlingApi;
  return { api, nodes, positionings: () => positionings, destroy: () => (destroyed = true) };
}

/** Steps held for the test to run one at a time, as the browser runs them between frames. */
function heldSteps() {
  let step: (() => boolean) | undefined;
  return {
    schedule: (next: () => boolean) => {
      step = next;
      return () => {
        if (step === next) step = undefined;
      };
    },
    runOne: (): boolean => {
      if (!step) return false;
      if (step()) step = undefined;
      return true;
    },
  };
}

// A height that differs from row to row, from the row's own text.
const heightOf = (row: AnnexRow): number => 28 + (Number(row.id.slice(1)) % 5) * 19;

describe('createRowHeightSettler', () => {
  it('gives every row its height and positions the rows once, after the slices that estimate them', () => {
    const grid = fakeGrid(20_000, 28);
    const steps = heldSteps();
    const settler = createRowHeightSettler(steps.schedule);
    const estimated = new Set<string>();
    settler.settle(grid.api, (row) => (estimated.add(row.id), heightOf(row)));
    expect(grid.nodes.every((node) => node.rowHeightEstimated)).toBe(true);

    while (steps.runOne());
    expect(estimated.size).toBe(20_000);
    expect(grid.nodes.every((node) => !node.rowHeightEstimated && node.rowHeight === heightOf(node.data))).toBe(true);
    expect(grid.positionings()).toBe(1);
    const last = grid.nodes[19_999] as FakeNode;
    expect(last.rowTop).toBe(grid.nodes.slice(0, -1).reduce((sum, node) => sum + heightOf(node.data), 0));
  });

  it('spreads slow estimates over several tasks and gives no height before the last one', () => {
    const grid = fakeGrid(300, 28);
    const steps = heldSteps();
    // 0.1 ms a row, 30 ms in all: more than one slice's worth.
    const slowHeightOf = (row: AnnexRow): number => {
      const until = performance.now() + 0.1;
      while (performance.now() < until);
      return heightOf(row);
    };
    createRowHeightSettler(steps.schedule).settle(grid.api, slowHeightOf);
    let tasks = 0;
    while (steps.runOne()) {
      tasks += 1;
      if (grid.positionings() === 0) expect(grid.nodes.every((node) => node.rowHeightEstimated)).toBe(true);
    }
    expect(tasks).toBeGreaterThan(2);
    expect(grid.positionings()).toBe(1);
  });

  it('leaves the rows above the first one drawn as they are, so the rows on screen do not move', () => {
    const grid = fakeGrid(1_000, 28, 500);
    const steps = heldSteps();
    createRowHeightSettler(steps.schedule).settle(grid.api, heightOf);
    const before = (grid.nodes[500] as FakeNode).rowTop;
    while (steps.runOne());
    expect((grid.nodes[500] as FakeNode).rowTop).toBe(before);
    expect(grid.nodes.slice(0, 500).every((node) => node.rowHeightEstimated && node.rowHeight === 28)).toBe(true);
    expect(grid.nodes.slice(500).every((node) => !node.rowHeightEstimated && node.rowHeight === heightOf(node.data))).toBe(true);
    expect(grid.positionings()).toBe(1);
  });

  it('changes nothing and positions nothing when every row already has its height', () => {
    const grid = fakeGrid(300, 0);
    for (const node of grid.nodes) node.setRowHeight(heightOf(node.data));
    const steps = heldSteps();
    createRowHeightSettler(steps.schedule).settle(grid.api, heightOf);
    while (steps.runOne());
    expect(grid.positionings()).toBe(0);
  });

  it('drops a pass that a newer one replaces, and stops for a grid that is gone', () => {
    const first = fakeGrid(300, 28);
    const second = fakeGrid(300, 28);
    const steps = heldSteps();
    const settler = createRowHeightSettler(steps.schedule);
    settler.settle(first.api, heightOf);
    settler.settle(second.api, heightOf);
    while (steps.runOne());
    expect(first.positionings()).toBe(0);
    expect(first.nodes.every((node) => node.rowHeightEstimated)).toBe(true);
    expect(second.positionings()).toBe(1);

    const gone = fakeGrid(300, 28);
    settler.settle(gone.api, heightOf);
    gone.destroy();
    while (steps.runOne());
    expect(gone.positionings()).toBe(0);

    const stopped = fakeGrid(300, 28);
    settler.settle(stopped.api, heightOf);
    settler.stop();
    expect(steps.runOne()).toBe(false);
    expect(stopped.positionings()).toBe(0);
  });
});
