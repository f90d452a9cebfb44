import { TABLE_KINDS, type AnnexDocument } from '../model/annex-document';
import { applyCommand } from './apply-command';
import type { EditCommand } from './edit-command';

interface Step {
  readonly label: string;
  readonly document: AnnexDocument;
  /** The rows this step's document alone holds: those of each table the step replaced, a pointer each. */
  readonly rowCopies: number;
}

/**
 * Undo/redo over immutable documents: each step keeps the document before it. Unchanged rows are shared,
 * so a step costs about one pointer a row of each table it changed.
 */
export interface History {
  readonly present: AnnexDocument;
  readonly past: readonly Step[];
  readonly future: readonly Step[];
  /** The document as last saved or opened (null: never saved, as recovered work); dirty while present differs. */
  readonly saved: AnnexDocument | null;
}

// Enough for a day's work; older steps are dropped so memory stays bounded.
export const MAX_UNDO_STEPS = 500;
// 40 MB of row pointers: a 50,000-row annex keeps 100 steps, as Excel does, where 500 would hold 200 MB.
export const MAX_UNDO_ROW_COPIES = 5_000_000;

function step(label: string, document: AnnexDocument, next: AnnexDocument): Step {
  let rowCopies = 0;
  for (const table of TABLE_KINDS) if (document.tables[table].rows !== next.tables[table].rows) rowCopies += document.tables[table].rows.length;
  return { label, document, rowCopies };
}

/** The latest steps within both limits; the last step is kept however large. */
function bounded(past: readonly Step[]): readonly Step[] {
  let first = past.length;
  let rowCopies = 0;
  while (first > 0 && past.length - first < MAX_UNDO_STEPS) {
    const withOneMore = rowCopies + (past[first - 1] as Step).rowCopies;
    if (withOneMore > MAX_UNDO_ROW_COPIES && first < past.length) break;
    rowCopies = withOneMore;
    first -= 1;
  }
  return first === 0 ? past : past.slice(first);
}

export function startHistory(document: AnnexDocument, saved: AnnexDocument | null = document): History {
  return { present: document, past: [], future: [], saved };
}

export function execute(history: History, command: EditCommand): History {
  const next = applyCommand(history.present, command);
  if (next === history.present) return history;
  const past = bounded([...history.past, step(command.label, history.present, next)]);
  return { ...history, present: next, past, future: [] };
}

export function undo(history: History): History {
  const last = history.past.at(-1);
  if (!last) return history;
  return {
    ...history,
    present: last.document,
    past: history.past.slice(0, -1),
    future: [{ ...last, document: history.present }, ...history.future],
  };
}

export function redo(history: History): History {
  const [next, ...future] = history.future;
  if (!next) return history;
  return { ...history, present: next.document, past: [...history.past, { ...next, document: history.present }], future };
}

export const undoLabel = (history: History): string | undefined => history.past.at(-1)?.label;
export const redoLabel = (history: History): string | undefined => history.future[0]?.label;
export const isDirty = (history: History): boolean => history.present !== history.saved;
export const markSaved = (history: History, saved: AnnexDocument = history.present): History => ({ ...history, saved });
