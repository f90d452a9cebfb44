import type { FormatId } from '../../../shared/codec/format-table';
import type { EditCommand } from '../../../shared/editing/edit-command';
import { execute, markSaved, redo, startHistory, undo, type History } from '../../../shared/editing/history';
import type { AnnexDocument } from '../../../shared/model/annex-document';

/** The file the document belongs to; absent for the built-in annex and for new documents. */
export interface OpenFile {
  readonly path: string;
  readonly name: string;
  /** Modification time when opened or last saved, to notice changes made by another program. */
  readonly mtimeMs: number | null;
  readonly format: FormatId;
}

export interface EditorState {
  readonly history: History;
  readonly file: OpenFile | null;
  /** What the title bar calls the document when it has no file. */
  readonly untitledName: string;
}

export interface EditorStore {
  getState(): EditorState;
  subscribe(listener: () => void): () => void;
  dispatch(command: EditCommand): void;
  undo(): void;
  redo(): void;
  /** A document opened, recovered or created: history starts afresh. `dirty` for a recovered document. */
  load(document: AnnexDocument, file: OpenFile | null, untitledName: string, options?: { dirty?: boolean }): void;
  /** The document as written to `file`. */
  saved(document: AnnexDocument, file: OpenFile): void;
}

/** One store for the open document; features read slices of it and change it only through commands. */
export function createEditorStore(document: AnnexDocument, untitledName: string): EditorStore {
  let state: EditorState = { history: startHistory(document), file: null, untitledName };
  const listeners = new Set<() => void>();
  const set = (next: EditorState): void => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  const withHistory = (history: History): EditorState => (history === state.history ? state : { ...state, history });
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch: (command) => set(withHistory(execute(state.history, command))),
    undo: () => set(withHistory(undo(state.history))),
    redo: () => set(withHistory(redo(state.history))),
    load: (next, file, name, options) =>
      set({ history: startHistory(next, options?.dirty ? null : next), file, untitledName: name }),
    saved: (savedDocument, file) => set({ ...state, history: markSaved(state.history, savedDocument), file }),
  };
}
