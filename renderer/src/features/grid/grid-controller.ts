import type { GridApi, IRowNode, RowDragEvent } from 'ag-grid-community';
import { clipboardCells } from '../../../../shared/clipboard/clipboard-table';
import { splitListText } from '../../../../shared/clipboard/list-text';
import type { CellMatrix } from '../../../../shared/clipboard/tsv';
import type { CellChange, EditCommand } from '../../../../shared/editing/edit-command';
import type { AnnexRow } from '../../../../shared/model/annex-document';
import { replacedInPlace, rowPositions } from '../../../../shared/model/row-positions';
import { cellText, changeFromText, clearChange, normalizeBreaks } from './cell-values';
import { clipboardForms, copyCells, planPaste, type RowLookup } from './clipboard';
import type { GridContext } from './grid-context';
import { columnIdOf, columnRefOf, type GridColumn } from './grid-columns';
import type { AnnexGridHandle, AnnexGridProps, GridCell } from './grid-props';
import { buildIssueIndex } from './issue-index';
import { editKeyAction, idleKeyAction, type GridKeyAction } from './keyboard';
import { isMoveAction, navigationTarget } from './navigation';
import { ListPickerModel } from './list-picker-model';
import type { PickerState } from './ListPicker';
import { deleteRows, duplicateRows, insertRows, moveRowsBy, moveRowsTo, type RowCommand } from './row-commands';
import { createGlyphPreloader } from './font-preload';
import { keepsNoRow } from './row-changes';
import { inputBox, type Box, type EditorKind } from './input-box';
import { rowHeightCache, type WrappedColumnWidths } from './row-height';
import { createRowHeightSettler, giveRowHeight, isHeightProvisional } from './row-height-settler';
import {
  cellSelection,
  extendSelection,
  isMultiCell,
  samePos,
  selectAll,
  selectedCells,
  selectedRowIds,
  selectionRect,
  selectRows,
  type CellPos,
  type GridSelection,
  type GridView,
  type Rect,
} from './selection';

/** An edit in progress in the cell input. */
interface EditState {
  readonly pos: CellPos;
  readonly column: Extract<GridColumn, { kind: 'text' | 'list' }>;
  /** Started by typing: the arrows end the edit (Excel's Enter mode); F2 switches to moving the caret. */
  enterMode: boolean;
}

interface DragState {
  readonly rows: boolean;
  /** A plain click on a mark cell toggles it when the button comes up on the same cell. */
  markClick: CellPos | null;
}


/**
 * The grid's behaviour outside AG Grid: the selection, the keyboard, the cell input (which holds the focus so
 * an IME composes in it), editing, the clipboard and row operations. AG Grid renders, virtualises and scrolls;
 * its cell focus is off (`suppressCellFocus`), so one element keeps the focus and nothing typed is lost.
 */
export class GridController {
  props: AnnexGridProps;
  api: GridApi<AnnexRow> | null = null;
  columns: readonly GridColumn[] = [];
  private columnById = new Map<string, GridColumn>();
  private columnIndexById = new Map<string, number>();
  private rows: readonly AnnexRow[] = [];
  private positions: ReadonlyMap<string, number> = new Map();
  /** Rows replaced in place since AG Grid last took the row data; null when rows were added, removed or moved. */
  private replacedRows: AnnexRow[] | null = null;
  /** The row data AG Grid was given; an edit in place reaches the rows' nodes instead (no 10k-row diff). */
  gridRowData: AnnexRow[] = [];
  /** The row data is another document's: AG Grid drops its rows instead of diffing 50,000 of them by id. */
  resetRowData = false;
  /** Rows whose characters the web font has not been asked for yet. */
  private rowsForGlyphs: (readonly AnnexRow[])[] = [];
  private pendingUpdates: AnnexRow[] = [];
  private issues: AnnexGridProps['issues'] | null = null;
  private visible: ReadonlySet<string> | undefined;
  private filterDirty = false;
  private issuesDirty = false;
  private selection: GridSelection | null = null;
  private rect: Rect | null = null;
  private edit: EditState | null = null;
  private markComposing = false;
  private drag: DragState | null = null;
  private revealPending = false;
  /** Where the active row was shown last, for when it disappears. */
  private lastActiveIndex = 0;
  private placeFrame = 0;
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private lastFocusSeq: number | undefined;
  private heightOf: (row: AnnexRow) => number = () => 28;
  private widthsKey = '';
  private readonly preloadGlyphs = createGlyphPreloader();
  private readonly heights = createRowHeightSettler();
  input: HTMLTextAreaElement | null = null;
  wrapper: HTMLDivElement | null = null;
  onPicker: (state: PickerState | null) => void = () => undefined;
  private readonly picker = new ListPickerModel((state) => this.onPicker(state));

  readonly context: GridContext;

  constructor(props: AnnexGridProps) {
    this.props = props;
    this.context = {
      positions: this.positions,
      issues: new Map(),
      active: null,
      isSelected: (rowId, rowIndex, colId) => this.isSelected(rowId, rowIndex, colId),
    };
  }

  // ---- props and AG Grid lifecycle -------------------------------------------------------------

  /** Called while rendering: the column callbacks read these as soon as AG Grid sees the new rows. */
  sync(props: AnnexGridProps, columns: readonly GridColumn[]): void {
    this.props = props;
    if (columns !== this.columns) {
      this.columns = columns;
      this.columnById = new Map(columns.map((column) => [column.id, column]));
      this.columnIndexById = new Map(columns.map((column, index) => [column.id, index]));
    }
    const rows = props.document.tables[props.table].rows;
    if (rows !== this.rows) {
      // An edit replaces a few rows in place: the positions stay, and only those rows need new heights.
      const replaced = replacedInPlace(this.rows, rows);
      if (replaced && this.replacedRows) this.replacedRows.push(...replaced);
      else {
        this.replacedRows = null;
        const positions = rowPositions(rows);
        this.resetRowData = !replaced && keepsNoRow(this.rows, rows, (id) => positions.get(id));
        this.positions = positions;
        this.context.positions = positions;
      }
      if (replaced && this.api && this.gridRowData.length > 0) this.pendingUpdates.push(...replaced);
      else {
        this.gridRowData = rows as AnnexRow[];
        this.pendingUpdates = [];
      }
      this.rowsForGlyphs.push(replaced ?? rows);
      this.rows = rows;
    }
    if (props.issues !== this.issues) {
      this.issues = props.issues;
      this.context.issues = buildIssueIndex(props.issues);
      this.issuesDirty = true;
    }
    if (props.visibleRowIds !== this.visible) {
      this.visible = props.visibleRowIds;
      this.filterDirty = true;
    }
  }

  /** After each render: tell AG Grid what changed outside its row data. */
  afterRender(): void {
    const api = this.api;
    if (!api) return;
    if (this.pendingUpdates.length > 0) {
      // A transaction would re-sort and re-position all 50,000 rows; a node given its new data redraws its own cells.
      for (const row of this.pendingUpdates) api.getRowNode(row.id)?.updateData(row);
      this.pendingUpdates = [];
      this.rowDataUpdated();
    }
    for (const rows of this.rowsForGlyphs) this.preloadGlyphs(rows);
    this.rowsForGlyphs = [];
    if (this.filterDirty) {
      this.filterDirty = false;
      api.onFilterChanged();
    }
    if (this.issuesDirty) {
      this.issuesDirty = false;
      api.refreshCells({ suppressFlash: true });
    }
    const request = this.props.focusRequest;
    if (request && request.seq !== this.lastFocusSeq) {
      this.lastFocusSeq = request.seq;
      this.focusCell(request);
    }
  }

  gridReady = ({ api }: { api: GridApi<AnnexRow> }): void => {
    this.api = api;
    this.updateWidths(false);
    this.filterDirty = false;
    if (this.props.visibleRowIds) api.onFilterChanged();
    const first = api.getDisplayedRowAtIndex(0)?.id;
    const firstEditable = this.columns.find((column) => column.kind !== 'number') ?? this.columns[0];
    if (first && firstEditable && !this.selection) this.setSelection(cellSelection({ rowId: first, colId: firstEditable.id }), false);
    const request = this.props.focusRequest;
    if (request) {
      this.lastFocusSeq = request.seq;
      this.focusCell(request);
    } else if (globalThis.document.activeElement === globalThis.document.body) {
      this.focusInput();
    }
  }

  /** A cell chosen before the rows were laid out (a jump that switched tabs) is scrolled to now. */
  firstDataRendered = (): void => {
    this.reveal();
  };

  isExternalFilterPresent = (): boolean => this.props.visibleRowIds !== undefined;

  doesExternalFilterPass = (node: IRowNode<AnnexRow>): boolean => this.props.visibleRowIds?.has(node.id ?? '') ?? true;

  getRowHeight = (params: { data?: AnnexRow }): number => (params.data ? this.heightOf(params.data) : 28);

  /** New row data arrived: re-estimate the heights of rows that changed and renumber. */
  rowDataUpdated = (): void => {
    const api = this.api;
    if (!api) return;
    let changed = false;
    const estimate = (node: IRowNode<AnnexRow> | undefined): void => {
      // A row not drawn yet has a provisional height; AG Grid asks getRowHeight when it comes into view.
      if (!node?.data || isHeightProvisional(node)) return;
      if (giveRowHeight(node, node.data, this.heightOf)) changed = true;
    };
    if (this.replacedRows) for (const row of this.replacedRows) estimate(api.getRowNode(row.id));
    else {
      api.forEachNode(estimate);
      this.settleHeights();
    }
    this.replacedRows = [];
    if (changed) api.onRowHeightChanged();
    api.refreshCells({ columns: ['number'], suppressFlash: true });
  }

  /** Rows were filtered, moved, added or removed: the selection's indices and the input's place follow. */
  modelUpdated = (): void => {
    if (!this.api) return;
    const selection = this.selection;
    const view = this.view();
    // (Not while a command of ours is on its way: its new rows are not in the model yet.)
    if (selection && !this.revealPending && view.rowIndex(selection.active.rowId) === undefined && view.rowCount > 0) {
      // The active row is gone (undone, deleted or filtered out): the row now at its place takes over.
      const rowId = view.rowIdAt(Math.min(this.lastActiveIndex, view.rowCount - 1));
      if (rowId !== undefined) {
        this.selection = cellSelection({ rowId, colId: selection.active.colId });
        this.context.active = this.selection.active;
      }
    }
    this.updateRect();
    this.api.refreshCells({ suppressFlash: true });
    if (this.revealPending) {
      this.revealPending = false;
      this.reveal();
    }
    this.schedulePlace();
  }

  columnResized = ({ finished }: { finished: boolean }): void => {
    if (finished) this.updateWidths(true);
    this.schedulePlace();
  };

  private updateWidths(reset: boolean): void {
    const api = this.api;
    if (!api) return;
    const width = (id: string): number | undefined => api.getColumn(id)?.getActualWidth();
    const widths: WrappedColumnWidths = {
      title: width('title') ?? 200,
      summary: width('summary') ?? 400,
      ...(this.columnById.has('departments') ? { departments: width('departments') ?? 100 } : {}),
      ...(this.columnById.has('sections') ? { sections: width('sections') ?? 120 } : {}),
    };
    const key = JSON.stringify(widths);
    if (key === this.widthsKey) return;
    this.widthsKey = key;
    this.heightOf = rowHeightCache(widths);
    if (reset) {
      api.resetRowHeights();
      this.settleHeights();
    }
  }

  /** Every row's height given in the background, so rows coming into view never re-position all the others. */
  private settleHeights(): void {
    if (!this.api) return;
    this.heights.settle(this.api, this.heightOf);
  }

  // ---- the view and the selection ---------------------------------------------------------------

  private rowById(rowId: string): AnnexRow | undefined {
    const position = this.positions.get(rowId);
    return position === undefined ? undefined : this.rows[position];
  }

  view(): GridView {
    const api = this.api;
    const columnIds = this.columns.map((column) => column.id);
    if (!api) return { rowCount: 0, rowIndex: () => undefined, rowIdAt: () => undefined, columnIds, columnIndex: (id) => this.columnIndexById.get(id) };
    return {
      rowCount: api.getDisplayedRowCount(),
      rowIndex: (rowId) => {
        const node = api.getRowNode(rowId);
        const index = node?.rowIndex;
        return index != null && api.getDisplayedRowAtIndex(index) === node ? index : undefined;
      },
      rowIdAt: (index) => api.getDisplayedRowAtIndex(index)?.id,
      columnIds,
      columnIndex: (id) => this.columnIndexById.get(id),
    };
  }

  private lookup(): RowLookup {
    return {
      row: (rowId) => this.rowById(rowId),
      position: (rowId) => this.positions.get(rowId),
      column: (colId) => this.columnById.get(colId),
    };
  }

  private isSelected(rowId: string, rowIndex: number | null, colId: string): boolean {
    const selection = this.selection;
    if (!selection) return false;
    if (selection.rows) return selection.rows.has(rowId);
    const rect = this.rect;
    const col = this.columnIndexById.get(colId);
    if (!rect || rowIndex === null || col === undefined || !isMultiCell(selection)) return false;
    return rowIndex >= rect.top && rowIndex <= rect.bottom && col >= rect.left && col <= rect.right;
  }

  private updateRect(): void {
    const view = this.view();
    this.rect = this.selection ? selectionRect(this.selection, view) : null;
    const index = this.selection ? view.rowIndex(this.selection.active.rowId) : undefined;
    if (index !== undefined) this.lastActiveIndex = index;
  }

  private setSelection(selection: GridSelection, reveal: boolean): void {
    const before = this.selection?.active;
    this.selection = selection;
    this.context.active = selection.active;
    this.updateRect();
    this.api?.refreshCells({ suppressFlash: true });
    if (reveal) this.reveal();
    this.schedulePlace();
    this.describeInput();
    if (!samePos(before, selection.active)) this.props.onFocusChange?.(this.gridCell(selection.active));
  }

  /** Selects rows by id once they are shown (after a command), keeping the column. */
  private selectRowsAfterCommand(rowIds: readonly string[], colId: string): void {
    const first = rowIds[0];
    const last = rowIds.at(-1);
    if (first === undefined || last === undefined) return;
    const wholeRows = !!this.selection?.rows;
    this.selection = wholeRows
      ? { anchor: { rowId: first, colId: 'number' }, active: { rowId: first, colId: 'number' }, rows: new Set(rowIds) }
      : rowIds.length > 1
        ? { anchor: { rowId: last, colId }, active: { rowId: first, colId }, rows: null }
        : cellSelection({ rowId: first, colId });
    this.context.active = this.selection.active;
    this.revealPending = true;
  }

  private gridCell(pos: CellPos): GridCell | null {
    const column = this.columnById.get(pos.colId);
    return column ? { rowId: pos.rowId, column: columnRefOf(column) } : null;
  }

  private activeColumn(): GridColumn | undefined {
    return this.selection ? this.columnById.get(this.selection.active.colId) : undefined;
  }

  private reveal(): void {
    const api = this.api;
    const active = this.selection?.active;
    if (!api || !active) return;
    const index = this.view().rowIndex(active.rowId);
    if (index !== undefined) api.ensureIndexVisible(index);
    const column = this.columnById.get(active.colId);
    // Pinned columns are always in view; scrolling to them would only jump the centre.
    if (column && (column.kind === 'mark' || active.colId === 'summary')) api.ensureColumnVisible(active.colId);
  }

  private focusCell(cell: GridCell): void {
    const colId = columnIdOf(cell.column, this.columns);
    if (!colId || !this.api) return;
    if (this.view().rowIndex(cell.rowId) === undefined) return;
    if (this.edit) this.commitEdit(null);
    this.setSelection(cellSelection({ rowId: cell.rowId, colId }), true);
    this.focusInput();
  }

  // ---- the cell input: focus holder and editor --------------------------------------------------

  attach(input: HTMLTextAreaElement, wrapper: HTMLDivElement): () => void {
    this.input = input;
    this.wrapper = wrapper;
    const listeners: Array<[EventTarget, string, (event: never) => void, AddEventListenerOptions?]> = [
      [input, 'keydown', this.onKeyDown],
      [input, 'input', this.onInput],
      [input, 'compositionstart', this.onCompositionStart],
      [input, 'compositionend', this.onCompositionEnd],
      [input, 'blur', this.onBlur],
      [input, 'copy', this.onCopy],
      [input, 'cut', this.onCut],
      [input, 'paste', this.onPaste],
      [input, 'select', this.onCaretMove],
      [input, 'click', this.onCaretMove],
      [input, 'keyup', this.onCaretMove],
      [wrapper, 'mousedown', this.onMouseDown],
      [wrapper, 'mouseover', this.onMouseOver],
      [wrapper, 'dblclick', this.onDoubleClick],
      [window, 'mouseup', this.onMouseUp],
      [window, 'resize', this.schedulePlace],
    ];
    for (const [target, type, listener, options] of listeners) target.addEventListener(type, listener as EventListener, options);
    return () => {
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener as EventListener);
      cancelAnimationFrame(this.placeFrame);
      this.placeFrame = 0;
      clearTimeout(this.scrollTimer);
      this.heights.stop();
      this.input = null;
      this.wrapper = null;
    };
  }

  focusInput(): void {
    this.input?.focus({ preventScroll: true });
  }

  private cellElement(pos: CellPos): HTMLElement | null {
    const wrapper = this.wrapper;
    if (!wrapper) return null;
    return wrapper.querySelector<HTMLElement>(`.ag-row[row-id="${CSS.escape(pos.rowId)}"] .ag-cell[col-id="${CSS.escape(pos.colId)}"]`);
  }

  /** Places the input in the next frame, once AG Grid has drawn the rows (one layout read a frame at most). */
  schedulePlace = (): void => {
    if (this.placeFrame) return;
    this.placeFrame = requestAnimationFrame(() => {
      this.placeFrame = 0;
      this.placeInput();
    });
  };

  /**
   * Scrolling moves the cells under the input: an editor follows every frame; the idle input (invisible, there
   * for the IME) follows once the scrolling stops, so scrolling never waits on a layout read.
   */
  scrolled = (): void => {
    if (this.edit || this.markComposing) {
      this.schedulePlace();
      return;
    }
    clearTimeout(this.scrollTimer);
    this.scrollTimer = setTimeout(this.schedulePlace, 120);
  };

  /** Puts the input over the active cell: invisible while idle, the editor while editing. */
  placeInput(): void {
    const input = this.input;
    const wrapper = this.wrapper;
    const active = this.selection?.active;
    if (!input || !wrapper) return;
    const bounds = wrapper.getBoundingClientRect();
    const relative = (rect: DOMRect | undefined): Box | null =>
      rect ? { left: rect.left - bounds.left, top: rect.top - bounds.top, width: rect.width, height: rect.height } : null;
    const cell = relative(active ? this.cellElement(active)?.getBoundingClientRect() : undefined);
    const body = relative(wrapper.querySelector('.ag-body')?.getBoundingClientRect());
    const edit = this.edit;
    const kind: EditorKind = edit ? (edit.column.kind === 'list' ? 'list' : edit.column.field) : this.markComposing ? 'mark' : 'idle';
    if (kind !== 'idle') input.style.height = 'auto';
    const box = inputBox(cell, body, bounds, kind, kind === 'idle' ? 0 : input.scrollHeight);
    Object.assign(input.style, { left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    if (kind === 'list') this.updatePicker({ left: box.left, top: box.top + box.height, width: box.width });
  }

  private describeInput(): void {
    const input = this.input;
    const active = this.selection?.active;
    if (!input || !active) return;
    const column = this.columnById.get(active.colId);
    const row = this.rowById(active.rowId);
    const position = this.positions.get(active.rowId);
    if (!column || !row || position === undefined) return;
    const value = cellText(row, column, position);
    input.setAttribute('aria-label', `${position + 1}行目 ${column.label}: ${value || '空'}`);
  }

  private setInputMode(mode: 'idle' | 'editing' | 'composing-mark'): void {
    const input = this.input;
    if (!input) return;
    input.dataset.gridInput = mode;
    input.classList.toggle('is-editing', mode !== 'idle');
    input.classList.toggle('is-popup', mode === 'editing' && this.edit?.column.id === 'summary');
    input.readOnly = false;
  }

  private resetInput(): void {
    const input = this.input;
    if (!input) return;
    input.value = '';
    this.setInputMode('idle');
    this.picker.reset();
  }

  private startEdit(how: 'typed' | 'keep' | 'empty'): void {
    const input = this.input;
    const active = this.selection?.active;
    const column = this.activeColumn();
    if (!input || !active || !column || (column.kind !== 'text' && column.kind !== 'list')) return;
    const row = this.rowById(active.rowId);
    if (!row) return;
    // Typing collapses the selection to the active cell, as in Excel.
    if (isMultiCell(this.selection as GridSelection)) this.setSelection(cellSelection(active), false);
    this.edit = { pos: active, column, enterMode: how !== 'keep' };
    if (how === 'keep') input.value = cellText(row, column, 0);
    if (how === 'empty') input.value = '';
    this.setInputMode('editing');
    this.reveal();
    if (how === 'keep') input.setSelectionRange(input.value.length, input.value.length);
    // Shown at its size at once; again after any scroll the reveal started.
    this.placeInput();
    this.schedulePlace();
  }

  /** Ends the edit, sending the change; then moves by (rows, cols) when asked. */
  private commitEdit(move: { rows: number; cols: number } | null): void {
    const edit = this.edit;
    const input = this.input;
    if (!edit || !input) return;
    const text = input.value;
    this.edit = null;
    this.resetInput();
    const row = this.rowById(edit.pos.rowId);
    if (row) {
      const change =
        edit.column.kind === 'list'
          ? listChange(row, edit.column.field, text)
          : changeFromText(row, edit.column, normalizeBreaks(text));
      if (change) this.emit({ type: 'update-cells', label: `${edit.column.label}の編集`, table: this.props.table, changes: [change] });
    }
    if (move) this.navigate({ type: 'move', rows: move.rows, cols: move.cols, extend: false });
    else this.schedulePlace();
  }

  private cancelEdit(): void {
    this.edit = null;
    this.resetInput();
    this.schedulePlace();
  }

  private onKeyDown = (event: KeyboardEvent): void => {
    // Keys that belong to an IME composition are the IME's.
    if (event.isComposing || event.keyCode === 229) return;
    if (this.edit) return this.onEditKeyDown(event);
    if (this.markComposing) return;
    const column = this.activeColumn();
    if (!column || !this.selection) return;
    const ctrl = event.ctrlKey || event.metaKey;
    // Undo and redo bubble to the app's shortcuts, which treat the idle input as no text field.
    if (ctrl && !event.altKey && ['z', 'y'].includes(event.key.toLowerCase())) return;
    const action = idleKeyAction(event, column.kind);
    if (!action) return;
    // Copy, cut and paste go on to the browser, which fires the clipboard events handled below.
    if (action.type === 'copy' || action.type === 'cut') {
      this.prepareNativeCopy();
      return;
    }
    if (action.type === 'paste') return;
    event.preventDefault();
    this.runAction(action);
  };

  private onEditKeyDown(event: KeyboardEvent): void {
    const edit = this.edit as EditState;
    const input = this.input as HTMLTextAreaElement;
    if (edit.column.kind === 'list' && this.onPickerKey(event)) return;
    const action = editKeyAction(event, edit.enterMode, edit.column.kind);
    if (!action) {
      // The document's undo must not run while the editor has its own.
      if ((event.ctrlKey || event.metaKey) && ['z', 'y'].includes(event.key.toLowerCase())) event.stopPropagation();
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    switch (action.type) {
      case 'cancel':
        this.cancelEdit();
        return;
      case 'newline':
        insertText(input, '\n');
        this.schedulePlace();
        return;
      case 'toggle-mode':
        edit.enterMode = !edit.enterMode;
        return;
      case 'commit':
        this.commitEdit({ rows: action.rows, cols: action.cols });
        return;
    }
  }

  private onInput = (event: Event): void => {
    const input = this.input;
    if (!input) return;
    if (this.edit) {
      this.schedulePlace();
      return;
    }
    if ((event as InputEvent).isComposing || this.markComposing) return;
    const column = this.activeColumn();
    if (!column) {
      input.value = '';
      return;
    }
    if (column.kind === 'text' || column.kind === 'list') {
      // The typed character is already in the input: it becomes the editor, nothing is lost.
      this.startEdit('typed');
      return;
    }
    const text = input.value;
    input.value = '';
    if (column.kind === 'mark') this.typeMark(text);
  };

  private onCompositionStart = (): void => {
    if (this.edit) return;
    const column = this.activeColumn();
    if (column?.kind === 'text' || column?.kind === 'list') {
      // The composition goes on in this same element, now shown as the editor.
      this.startEdit('typed');
      return;
    }
    if (column?.kind === 'mark') {
      this.markComposing = true;
      this.setInputMode('composing-mark');
      this.schedulePlace();
    }
  };

  private onCompositionEnd = (): void => {
    if (this.edit) {
      this.schedulePlace();
      return;
    }
    const input = this.input;
    if (!input) return;
    const text = input.value;
    const wasMark = this.markComposing;
    this.markComposing = false;
    this.resetInput();
    if (wasMark) this.typeMark(text);
    this.schedulePlace();
  };

  private onBlur = (): void => {
    // Leaving the window (another app) keeps the edit, as Excel does; clicking elsewhere in the app ends it.
    if (!globalThis.document.hasFocus()) return;
    if (this.edit) this.commitEdit(null);
    else if (this.markComposing) {
      this.markComposing = false;
      this.resetInput();
    }
  };

  private onCaretMove = (): void => {
    if (this.edit?.column.kind === 'list') this.placeInput();
  };

  // ---- keyboard actions -------------------------------------------------------------------------

  private runAction(action: GridKeyAction): void {
    if (isMoveAction(action)) return this.navigate(action);
    switch (action.type) {
      case 'edit':
        return this.startEdit('keep');
      case 'edit-empty':
        return this.startEdit('empty');
      case 'clear':
        return this.clearSelection('セルのクリア');
      case 'toggle-mark':
        return this.toggleMarks();
      case 'select-rows': {
        const selection = this.selection as GridSelection;
        const view = this.view();
        const ids = selectedRowIds(selection, view);
        return this.setSelection({ anchor: { ...selection.anchor, colId: 'number' }, active: { ...selection.active, colId: 'number' }, rows: new Set(ids) }, false);
      }
      case 'select-all': {
        const all = selectAll(this.view());
        if (all) this.setSelection(all, false);
        return;
      }
      case 'insert-rows':
        return this.insertRows('above');
      case 'delete-rows':
        return this.deleteSelectedRows();
      case 'move-rows':
        return this.moveSelectedRows(action.delta);
      case 'copy':
      case 'cut':
      case 'paste':
        return;
    }
  }

  private moveTo(rowIndex: number, colIndex: number, extend: boolean): void {
    const view = this.view();
    const rowId = view.rowIdAt(rowIndex);
    const colId = view.columnIds[colIndex];
    if (rowId === undefined || colId === undefined) return;
    const pos = { rowId, colId };
    const selection = this.selection;
    this.setSelection(extend && selection ? extendSelection(selection, pos, view) : cellSelection(pos), true);
  }

  private navigate(action: Parameters<typeof navigationTarget>[0]): void {
    const api = this.api;
    const active = this.selection?.active;
    if (!api) return;
    const view = this.view();
    const from = {
      row: active ? (view.rowIndex(active.rowId) ?? 0) : 0,
      col: active ? (this.columnIndexById.get(active.colId) ?? 0) : 0,
    };
    const range = api.getVerticalPixelRange();
    const target = navigationTarget(action, from, {
      rowCount: view.rowCount,
      columnCount: this.columns.length,
      firstEditableColumn: 1,
      rowTop: (index) => api.getDisplayedRowAtIndex(index)?.rowTop ?? 0,
      pageHeight: range.bottom - range.top,
    });
    if (target) this.moveTo(target.row, target.col, target.extend);
  }

  // ---- cell changes -----------------------------------------------------------------------------

  private emit(command: EditCommand): void {
    this.props.onCommand(command);
  }

  private selectedCellList(): Array<{ row: AnnexRow; column: GridColumn }> {
    const selection = this.selection;
    if (!selection) return [];
    const { rowIds, colIds } = selectedCells(selection, this.view());
    const cells: Array<{ row: AnnexRow; column: GridColumn }> = [];
    for (const rowId of rowIds) {
      const row = this.rowById(rowId);
      if (!row) continue;
      for (const colId of colIds) {
        const column = this.columnById.get(colId);
        if (column) cells.push({ row, column });
      }
    }
    return cells;
  }

  private clearSelection(label: string): void {
    const changes = this.selectedCellList()
      .map(({ row, column }) => clearChange(row, column))
      .filter((change): change is CellChange => change !== null);
    if (changes.length > 0) this.emit({ type: 'update-cells', label, table: this.props.table, changes });
  }

  /** Space on marks: marks every selected mark cell, or clears them all when all are marked. */
  private toggleMarks(): void {
    const cells = this.selectedCellList().filter((cell) => cell.column.kind === 'mark');
    const markOf = (cell: { row: AnnexRow; column: GridColumn }): string => (cell.column.kind === 'mark' ? cell.column.mark.id : '');
    if (cells.length === 0) return;
    const value = !cells.every((cell) => cell.row.marks.includes(markOf(cell)));
    const changes: CellChange[] = cells
      .filter((cell) => cell.row.marks.includes(markOf(cell)) !== value)
      .map((cell) => ({ rowId: cell.row.id, field: 'mark', markId: markOf(cell), value }));
    if (changes.length > 0) this.emit({ type: 'update-cells', label: '○の切り替え', table: this.props.table, changes });
  }

  private toggleMarkAt(pos: CellPos): void {
    const column = this.columnById.get(pos.colId);
    const row = this.rowById(pos.rowId);
    if (column?.kind !== 'mark' || !row) return;
    const value = !row.marks.includes(column.mark.id);
    this.emit({ type: 'update-cells', label: '○の切り替え', table: this.props.table, changes: [{ rowId: row.id, field: 'mark', markId: column.mark.id, value }] });
  }

  /** Text typed on a mark cell: a mark form sets the mark, a space toggles it, anything else is ignored. */
  private typeMark(text: string): void {
    const active = this.selection?.active;
    const column = this.activeColumn();
    const row = active ? this.rowById(active.rowId) : undefined;
    if (!active || column?.kind !== 'mark' || !row) return;
    if (text === ' ' || text === '　') return this.toggleMarkAt(active);
    const trimmed = text.trim();
    if (trimmed.length === 0) return;
    const change = changeFromText(row, column, trimmed);
    if (change && change.field === 'mark' && change.value) this.emit({ type: 'update-cells', label: '○の入力', table: this.props.table, changes: [change] });
  }

  // ---- rows -------------------------------------------------------------------------------------

  private selectedRows(): string[] {
    return this.selection ? selectedRowIds(this.selection, this.view()) : [];
  }

  private runRowCommand(result: RowCommand | null, colId?: string): void {
    if (!result) return;
    if (this.edit) this.commitEdit(null);
    const keepColumn = colId ?? this.selection?.active.colId ?? 'title';
    if (result.selectRowIds.length > 0) this.selectRowsAfterCommand(result.selectRowIds, keepColumn);
    else this.revealPending = true;
    this.emit(result.command);
  }

  insertRows(where: 'above' | 'below'): void {
    const ids = this.selectedRows();
    const positions = ids.map((id) => this.positions.get(id)).filter((position): position is number => position !== undefined);
    this.runRowCommand(insertRows(this.props.table, positions, where, this.rows.length));
  }

  deleteSelectedRows(): void {
    const ids = this.selectedRows();
    if (ids.length === 0) return;
    // The row that takes the first deleted row's place becomes active.
    const view = this.view();
    const firstIndex = Math.min(...ids.map((id) => view.rowIndex(id) ?? 0));
    const deleting = new Set(ids);
    let nextId: string | undefined;
    for (let index = firstIndex; index < view.rowCount && nextId === undefined; index++) {
      const id = view.rowIdAt(index);
      if (id !== undefined && !deleting.has(id)) nextId = id;
    }
    for (let index = firstIndex - 1; index >= 0 && nextId === undefined; index--) {
      const id = view.rowIdAt(index);
      if (id !== undefined && !deleting.has(id)) nextId = id;
    }
    const colId = this.selection?.rows ? 'number' : (this.selection?.active.colId ?? 'title');
    const result = deleteRows(this.props.table, ids);
    if (!result) return;
    if (this.edit) this.commitEdit(null);
    if (nextId !== undefined) this.selectRowsAfterCommand([nextId], colId);
    this.emit(result.command);
  }

  duplicateSelectedRows(): void {
    const ids = this.selectedRows();
    const rows = ids.map((id) => this.rowById(id)).filter((row): row is AnnexRow => row !== undefined);
    const positions = ids.map((id) => this.positions.get(id)).filter((position): position is number => position !== undefined);
    this.runRowCommand(duplicateRows(this.props.table, rows, positions));
  }

  moveSelectedRows(delta: -1 | 1): void {
    const ids = this.selectedRows();
    const selection = this.selection;
    const result = moveRowsBy(this.props.table, ids, delta, this.view(), (id) => this.positions.get(id));
    if (!result || !selection) return;
    if (this.edit) this.commitEdit(null);
    // The selection moves with its rows: ids stay, so only the view needs to catch up.
    this.revealPending = true;
    this.emit(result.command);
  }

  /** The drag label: the selected rows move together when the dragged row is one of them. */
  rowDragText = (item: { rowNode?: IRowNode }): string => {
    const id = item.rowNode?.id;
    const selected = this.selectedRows();
    const count = id && selected.includes(id) ? selected.length : 1;
    const position = id ? this.positions.get(id) : undefined;
    return count > 1 ? `${count}行を移動` : `${position === undefined ? '' : `${position + 1} `}行を移動`;
  };

  rowDragMove = (event: RowDragEvent<AnnexRow>): void => {
    const over = event.overNode;
    const from = event.node.rowIndex ?? 0;
    if (!this.api) return;
    if (!over || over === event.node) {
      this.api.setRowDropPositionIndicator(null);
      return;
    }
    this.api.setRowDropPositionIndicator({ row: over, dropIndicatorPosition: event.overIndex > from ? 'below' : 'above' });
  }

  rowDragEnd = (event: RowDragEvent<AnnexRow>): void => {
    this.api?.setRowDropPositionIndicator(null);
    const over = event.overNode;
    const dragged = event.node.id;
    if (!over?.id || !dragged || over.id === dragged) return;
    const selected = this.selectedRows();
    const rowIds = selected.includes(dragged) ? selected : [dragged];
    if (rowIds.includes(over.id)) return;
    const overPosition = this.positions.get(over.id);
    if (overPosition === undefined) return;
    const movingDown = event.overIndex > (event.node.rowIndex ?? 0);
    this.runRowCommand(moveRowsTo(this.props.table, rowIds, overPosition, movingDown));
  }

  rowDragCancel = (): void => {
    this.api?.setRowDropPositionIndicator(null);
  };

  // ---- mouse ------------------------------------------------------------------------------------

  private cellAt(target: EventTarget | null): CellPos | null {
    if (!(target instanceof Element)) return null;
    const cell = target.closest<HTMLElement>('.ag-cell[col-id]');
    const row = cell?.closest<HTMLElement>('.ag-row[row-id]');
    const colId = cell?.getAttribute('col-id');
    const rowId = row?.getAttribute('row-id');
    if (!colId || !rowId || !this.columnById.has(colId) || !this.positions.has(rowId)) return null;
    return { rowId, colId };
  }

  private onMouseDown = (event: MouseEvent): void => {
    const target = event.target as Element | null;
    if (!target || target === this.input || target.closest('.annex-picker')) return;
    // The drag handle belongs to AG Grid's row dragging.
    if (target.closest('.ag-row-drag')) return;
    const pos = this.cellAt(target);
    if (!pos) return;
    // Keep the focus (and any composition) in the input; no text selection while dragging over cells.
    event.preventDefault();
    if (this.edit) this.commitEdit(null);
    const view = this.view();
    const selection = this.selection;
    const ctrl = event.ctrlKey || event.metaKey;
    if (event.button !== 0) {
      // A right click inside the selection keeps it.
      if (selection && this.isSelected(pos.rowId, view.rowIndex(pos.rowId) ?? null, pos.colId)) return this.focusInput();
    }
    if (pos.colId === 'number') {
      this.setSelection(selectRows(selection, pos.rowId, view, event.shiftKey ? 'extend' : ctrl ? 'toggle' : 'only'), false);
      this.drag = { rows: true, markClick: null };
    } else {
      this.setSelection(event.shiftKey && selection ? extendSelection({ ...selection, rows: null }, pos, view) : cellSelection(pos), false);
      const column = this.columnById.get(pos.colId);
      this.drag = { rows: false, markClick: column?.kind === 'mark' && !event.shiftKey && !ctrl && event.button === 0 ? pos : null };
    }
    this.focusInput();
  };

  private onMouseOver = (event: MouseEvent): void => {
    const drag = this.drag;
    if (!drag || (event.buttons & 1) === 0) return;
    const pos = this.cellAt(event.target);
    const selection = this.selection;
    if (!pos || !selection || samePos(pos, selection.active)) return;
    drag.markClick = null;
    const view = this.view();
    if (drag.rows) this.setSelection(selectRows(selection, pos.rowId, view, 'extend'), false);
    else this.setSelection(extendSelection(selection, pos, view), false);
  };

  private onMouseUp = (event: MouseEvent): void => {
    const drag = this.drag;
    this.drag = null;
    if (!drag?.markClick) return;
    const pos = this.cellAt(event.target);
    if (pos && samePos(pos, drag.markClick)) this.toggleMarkAt(pos);
  };

  private onDoubleClick = (event: MouseEvent): void => {
    const pos = this.cellAt(event.target);
    if (!pos || event.target === this.input) return;
    const column = this.columnById.get(pos.colId);
    if (column?.kind === 'text' || column?.kind === 'list') {
      this.setSelection(cellSelection(pos), false);
      this.startEdit('keep');
      this.focusInput();
    }
  };

  // ---- clipboard --------------------------------------------------------------------------------

  private selectedMatrix(): string[][] {
    const selection = this.selection;
    if (!selection) return [];
    const { rowIds, colIds } = selectedCells(selection, this.view());
    return copyCells(rowIds, colIds, this.lookup());
  }

  /** Ctrl+C/X while idle: the TSV goes into the input, selected, so the browser's copy has something to copy. */
  private prepareNativeCopy(): void {
    const input = this.input;
    if (!input) return;
    const text = clipboardForms(this.selectedMatrix()).text;
    input.value = text;
    input.select();
    // The copy event comes within this key press; should it not come, the text must not stay for typing.
    setTimeout(() => {
      if (!this.edit && !this.markComposing && input.value === text) input.value = '';
    }, 0);
  }

  private writeClipboardEvent(event: ClipboardEvent): boolean {
    const data = event.clipboardData;
    const cells = this.selectedMatrix();
    if (!data || cells.length === 0) return false;
    const { text, html } = clipboardForms(cells);
    data.setData('text/plain', text);
    data.setData('text/html', html);
    event.preventDefault();
    if (this.input) this.input.value = '';
    return true;
  }

  private onCopy = (event: ClipboardEvent): void => {
    if (this.edit || this.markComposing) return;
    this.writeClipboardEvent(event);
  };

  private onCut = (event: ClipboardEvent): void => {
    if (this.edit || this.markComposing) return;
    if (this.writeClipboardEvent(event)) this.clearSelection('切り取り');
  };

  private onPaste = (event: ClipboardEvent): void => {
    if (this.edit || this.markComposing) return;
    const data = event.clipboardData;
    event.preventDefault();
    if (!data) return;
    void this.pasteCells(clipboardCells({ html: data.getData('text/html'), text: data.getData('text/plain') }));
  };

  async pasteCells(cells: CellMatrix): Promise<void> {
    const selection = this.selection;
    if (!selection || cells.length === 0) return;
    const view = this.view();
    const rect = selectionRect(selection, view);
    if (!rect) return;
    const plan = () => planPaste(cells, rect, this.view(), this.lookup(), this.props.document, this.props.table);
    let addRows = false;
    const first = plan();
    if (first.extraRows > 0) {
      try {
        addRows = await this.props.confirm(`貼り付ける内容が最後の行を ${first.extraRows} 行超えています。${first.extraRows}行を追加しますか？`);
      } catch {
        addRows = false;
      }
      this.focusInput();
    }
    // Planned again after the question: the document may have changed meanwhile.
    const final = first.extraRows > 0 ? plan() : first;
    const command = final.command(addRows);
    const block = final.block(addRows);
    const top = block.rowIds[0];
    const bottom = block.rowIds.at(-1);
    const left = block.colIds[0];
    const right = block.colIds.at(-1);
    if (top !== undefined && bottom !== undefined && left !== undefined && right !== undefined) {
      this.selection = { anchor: { rowId: bottom, colId: right }, active: { rowId: top, colId: left }, rows: null };
      this.context.active = this.selection.active;
      this.revealPending = true;
    }
    if (command) this.emit(command);
    else this.modelUpdated();
  }

  // ---- the handle -------------------------------------------------------------------------------

  handle(): AnnexGridHandle {
    // After a toolbar button the keyboard is back on the grid, as after a command on Excel's ribbon.
    const thenFocus =
      <A extends unknown[]>(run: (...args: A) => void) =>
      (...args: A): void => {
        run(...args);
        this.focusInput();
      };
    return {
      insertRows: thenFocus((where: 'above' | 'below') => this.insertRows(where)),
      deleteSelectedRows: thenFocus(() => this.deleteSelectedRows()),
      duplicateSelectedRows: thenFocus(() => this.duplicateSelectedRows()),
      moveSelectedRows: thenFocus((delta: -1 | 1) => this.moveSelectedRows(delta)),
      copySelection: () => this.copyToClipboard(),
      pasteFromClipboard: () => this.pasteFromClipboard(),
      focus: () => this.focusInput(),
    };
  }

  private async copyToClipboard(): Promise<void> {
    if (this.edit) this.commitEdit(null);
    this.focusInput();
    this.prepareNativeCopy();
    // execCommand fires the copy event (handled above) inside the click that asked for it.
    if (globalThis.document.execCommand('copy')) return;
    const { text, html } = clipboardForms(this.selectedMatrix());
    if (this.input) this.input.value = '';
    try {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
      ]);
    } catch {
      // No clipboard access here (no user gesture, or denied): Ctrl+C still works.
    }
  }

  private async pasteFromClipboard(): Promise<void> {
    if (this.edit) this.commitEdit(null);
    this.focusInput();
    try {
      const items = await navigator.clipboard.read();
      let html: string | null = null;
      let text: string | null = null;
      for (const item of items) {
        if (html === null && item.types.includes('text/html')) html = await (await item.getType('text/html')).text();
        if (text === null && item.types.includes('text/plain')) text = await (await item.getType('text/plain')).text();
      }
      await this.pasteCells(clipboardCells({ html, text }));
    } catch {
      // Without clipboard permission, the browser's own paste still reaches the paste event.
      globalThis.document.execCommand('paste');
    }
  }

  // ---- the 部/課 picker ----------------------------------------------------------------------------

  private updatePicker(place: { left: number; top: number; width: number }): void {
    const edit = this.edit;
    if (!edit || edit.column.kind !== 'list' || !this.input) return;
    const row = this.rowById(edit.pos.rowId);
    this.picker.update(this.input, edit.column.field, edit.column.label, this.props.document.masters, row?.departments ?? [], place);
  }

  private onPickerKey(event: KeyboardEvent): boolean {
    const result = this.picker.key(event);
    if (!result) return false;
    event.preventDefault();
    if (result === 'moved') this.placeInput();
    else this.pick(result.take);
    return true;
  }

  pick = (value: string): void => {
    const input = this.input;
    const edit = this.edit;
    if (!input || !edit || edit.column.kind !== 'list') return;
    this.picker.take(input, edit.column.field, this.props.document.masters, value);
    this.focusInput();
    this.schedulePlace();
  };
}

function listChange(row: AnnexRow, field: 'departments' | 'sections', text: string): CellChange | null {
  const value = splitListText(text);
  const current = row[field];
  if (value.length === current.length && value.every((entry, index) => entry === current[index])) return null;
  return { rowId: row.id, field, value };
}

/** Inserts text at the caret, through the editor's own undo where the browser allows it. */
function insertText(input: HTMLTextAreaElement, text: string): void {
  if (globalThis.document.execCommand('insertText', false, text)) return;
  input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
