/** Where the cell input goes, relative to the grid: over the active cell, grown into an editor while editing. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export type EditorKind = 'idle' | 'title' | 'summary' | 'list' | 'mark';

const MIN_WIDTH: Record<Exclude<EditorKind, 'idle'>, number> = { title: 220, summary: 520, list: 200, mark: 120 };
const LINE_PX = 19;
/** 取組概要 opens as a popup of at least this many lines. */
const SUMMARY_LINES = 8;

/**
 * `cell` is the active cell's box (null when it is not rendered: the input then waits at the body's corner);
 * `contentHeight` is the editor's text height. The box stays inside the grid, so focusing or typing into the
 * input never makes the browser scroll the page.
 */
export function inputBox(cell: Box | null, body: Box | null, grid: { width: number; height: number }, kind: EditorKind, contentHeight: number): Box {
  let { left, top, width, height } = cell ?? { left: body?.left ?? 0, top: body?.top ?? 0, width: 40, height: 24 };
  if (kind !== 'idle') {
    width = Math.max(width, MIN_WIDTH[kind]);
    const minHeight = kind === 'summary' ? SUMMARY_LINES * LINE_PX + 10 : height;
    height = Math.max(minHeight, height, contentHeight + 4);
  }
  width = Math.min(width, grid.width);
  height = Math.min(height, grid.height);
  left = Math.max(0, Math.min(left, grid.width - width));
  top = Math.max(0, Math.min(top, grid.height - height));
  return { left, top, width, height };
}
