import type { GridColumnKind } from './grid-columns';

/** What a key does on a cell that is not being edited, as in Excel. */
export type GridKeyAction =
  | { readonly type: 'move'; readonly rows: number; readonly cols: number; readonly extend: boolean }
  | { readonly type: 'edge'; readonly to: 'row-start' | 'row-end' | 'top' | 'bottom' | 'first' | 'last'; readonly extend: boolean }
  | { readonly type: 'page'; readonly direction: 1 | -1; readonly extend: boolean }
  | { readonly type: 'tab'; readonly backwards: boolean }
  | { readonly type: 'enter'; readonly backwards: boolean }
  | { readonly type: 'edit' }
  | { readonly type: 'edit-empty' }
  | { readonly type: 'clear' }
  | { readonly type: 'toggle-mark' }
  | { readonly type: 'select-rows' }
  | { readonly type: 'select-all' }
  | { readonly type: 'insert-rows' }
  | { readonly type: 'delete-rows' }
  | { readonly type: 'move-rows'; readonly delta: -1 | 1 }
  | { readonly type: 'copy' }
  | { readonly type: 'cut' }
  | { readonly type: 'paste' };

export interface KeyInput {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

const ARROWS: Record<string, readonly [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The action for a key on an idle cell, or null to let the key reach the focus holder (typing, IME). */
export function idleKeyAction(event: KeyInput, column: GridColumnKind): GridKeyAction | null {
  const ctrl = event.ctrlKey || event.metaKey;
  const { key, shiftKey: shift, altKey: alt } = event;
  const arrow = ARROWS[key];
  if (arrow) {
    if (alt && !ctrl && arrow[1] === 0) return { type: 'move-rows', delta: arrow[0] as -1 | 1 };
    if (alt) return null;
    if (ctrl) {
      const to = arrow[0] < 0 ? 'top' : arrow[0] > 0 ? 'bottom' : arrow[1] < 0 ? 'row-start' : 'row-end';
      return { type: 'edge', to, extend: shift };
    }
    return { type: 'move', rows: arrow[0], cols: arrow[1], extend: shift };
  }
  if (alt) return null;
  switch (key) {
    case 'Tab':
      return ctrl ? null : { type: 'tab', backwards: shift };
    case 'Enter':
      return ctrl ? null : { type: 'enter', backwards: shift };
    case 'Home':
      return { type: 'edge', to: ctrl ? 'first' : 'row-start', extend: shift };
    case 'End':
      return { type: 'edge', to: ctrl ? 'last' : 'row-end', extend: shift };
    case 'PageDown':
      return ctrl ? null : { type: 'page', direction: 1, extend: shift };
    case 'PageUp':
      return ctrl ? null : { type: 'page', direction: -1, extend: shift };
    case 'F2':
      return column === 'text' || column === 'list' ? { type: 'edit' } : null;
    case 'Delete':
      return ctrl || shift ? null : { type: 'clear' };
    case 'Backspace':
      if (ctrl) return null;
      return column === 'text' || column === 'list' ? { type: 'edit-empty' } : { type: 'clear' };
    case ' ':
      if (ctrl) return null;
      if (shift) return { type: 'select-rows' };
      return column === 'mark' ? { type: 'toggle-mark' } : null;
    default:
      break;
  }
  if (!ctrl) return null;
  switch (key.toLowerCase()) {
    case 'a':
      return shift ? null : { type: 'select-all' };
    case 'c':
      return shift ? null : { type: 'copy' };
    case 'x':
      return shift ? null : { type: 'cut' };
    case 'v':
      return shift ? null : { type: 'paste' };
    // Ctrl++ inserts and Ctrl+- deletes rows, as in Excel (on a JIS keyboard + is Shift+;).
    case '+':
    case ';':
      return key === ';' && !shift ? null : { type: 'insert-rows' };
    case '-':
      return { type: 'delete-rows' };
    default:
      return null;
  }
}

/** Keys that end an edit and where they go next; arrows do so only when the edit began by typing (Excel's Enter mode). */
export type EditKeyAction =
  | { readonly type: 'commit'; readonly rows: number; readonly cols: number }
  | { readonly type: 'cancel' }
  | { readonly type: 'newline' }
  | { readonly type: 'toggle-mode' };

export function editKeyAction(event: KeyInput, enterMode: boolean, column: GridColumnKind): EditKeyAction | null {
  const ctrl = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case 'Escape':
      return { type: 'cancel' };
    case 'Enter':
      if (event.altKey) return { type: 'newline' };
      if (ctrl) return null;
      return { type: 'commit', rows: event.shiftKey ? -1 : 1, cols: 0 };
    case 'Tab':
      return ctrl || event.altKey ? null : { type: 'commit', rows: 0, cols: event.shiftKey ? -1 : 1 };
    case 'F2':
      return { type: 'toggle-mode' };
    default:
      break;
  }
  const arrow = ARROWS[event.key];
  // 部/課 use ↑/↓ for their candidate list; everywhere the arrows move the caret once F2 has been pressed.
  if (arrow && enterMode && column === 'text' && !ctrl && !event.altKey && !event.shiftKey) {
    return { type: 'commit', rows: arrow[0], cols: arrow[1] };
  }
  return null;
}
