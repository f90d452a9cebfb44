import type { Ref } from 'react';
import type { EditCommand } from '../../../../shared/editing/edit-command';
import type { AnnexDocument, TableKind } from '../../../../shared/model/annex-document';
import type { ColumnRef, ValidationIssue } from '../../../../shared/validation/issue';

/** A cell of the grid, named the way problems name it. */
export interface GridCell {
  readonly rowId: string;
  readonly column: ColumnRef;
}

/** Row operations and clipboard actions the toolbar and the menus ask of the grid. */
export interface AnnexGridHandle {
  insertRows(where: 'above' | 'below'): void;
  deleteSelectedRows(): void;
  duplicateSelectedRows(): void;
  moveSelectedRows(delta: -1 | 1): void;
  copySelection(): Promise<void>;
  pasteFromClipboard(): Promise<void>;
  /** Puts the keyboard focus back on the grid (after a dialog closes). */
  focus(): void;
}

export interface AnnexGridProps {
  readonly document: AnnexDocument;
  readonly table: TableKind;
  /** This table's problems, each shown on its cell. */
  readonly issues: readonly ValidationIssue[];
  /** Every change goes out as a command: undo, dirty tracking and autosave depend on it. */
  readonly onCommand: (command: EditCommand) => void;
  /** The rows the filters let through; every row when absent. */
  readonly visibleRowIds?: ReadonlySet<string>;
  /** Moves the focus to a cell (from the problems panel or find); `seq` makes a repeated request new. */
  readonly focusRequest?: GridCell & { readonly seq: number };
  /** Asks the user a yes/no question, such as adding rows when a paste runs past the last row. */
  readonly confirm: (message: string) => Promise<boolean>;
  readonly onFocusChange?: (cell: GridCell | null) => void;
  readonly handleRef?: Ref<AnnexGridHandle>;
}
