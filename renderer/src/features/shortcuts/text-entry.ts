/**
 * Whether keyboard focus is in a field that keeps its own undo and typing. The grid's focus holder is a
 * textarea even when no cell is being edited ("idle"): there, Ctrl+Z belongs to the document.
 */
export function isTextEntry(target: EventTarget | Element | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.dataset['gridInput'] === 'idle') return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
