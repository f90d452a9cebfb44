import type { AnnexDocument } from '../model/annex-document';
import { applyCommand } from './apply-command';
import type { EditCommand } from './edit-command';

interface Step {
  readonly label: string;
  readonly document: AnnexDocument;
}

/**
 * Undo/redo over immutable documents: each step keeps the document before it. Unchanged rows are shared,
 * so a step costs about one pointer a row.
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

export function startHistory(document: AnnexDocument, saved: AnnexDocument | null = document): History {
  return { present: document, past: [], future: [], saved };
}

export function execute(history: History, command: EditCommand): History {
  const next = applyCommand(history.present, command);
  if (next === history.present) return history;
  const past = [...history.past, { label: command.label, document: history.present }].slice(-MAX_UNDO_STEPS);
  return { ...history, present: next, past, future: [] };
}

export function undo(history: History): History {
  const step = history.past.at(-1);
  if (!step) return history;
  return {
    ...history,
    present: step.document,
    past: history.past.slice(0, -1),
    future: [{ label: step.label, document: history.present }, ...history.future],
  };
}

export function redo(history: History): History {
  const [step, ...future] = history.future;
  if (!step) return history;
  return { ...history, present: step.document, past: [...history.past, { label: step.label, document: history.present }], future };
}

export const undoLabel = (history: History): string | undefined => history.past.at(-1)?.label;
export const redoLabel = (history: History): string | undefined => history.future[0]?.label;
export const isDirty = (history: History): boolean => history.present !== history.saved;
export const markSaved = (history: History, saved: AnnexDocument = history.present): History => ({ ...history, saved });
