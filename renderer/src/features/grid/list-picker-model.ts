import type { Masters } from '../../../../shared/model/annex-document';
import type { ListField } from '../../../../shared/validation/issue';
import { listCandidates, toggleLine, type PickerItem } from './list-candidates';
import type { PickerState } from './ListPicker';

/** The line the caret is on, in a 部/課 editor that holds one value a line. */
function caretLine(input: HTMLTextAreaElement): { lines: string[]; index: number } {
  const before = input.value.slice(0, input.selectionStart ?? input.value.length);
  return { lines: input.value.split('\n'), index: before.split('\n').length - 1 };
}

/** What the 部/課 picker shows under the cell editor, and how its keys and clicks change the editor's text. */
export class ListPickerModel {
  private items: PickerItem[] = [];
  private highlighted = -1;

  constructor(private readonly show: (state: PickerState | null) => void) {}

  reset(): void {
    this.items = [];
    this.highlighted = -1;
    this.show(null);
  }

  update(input: HTMLTextAreaElement, field: ListField, label: string, masters: Masters, rowDepartments: readonly string[], place: { left: number; top: number; width: number }): void {
    const { lines, index } = caretLine(input);
    this.items = listCandidates(field, masters, rowDepartments, lines, lines[index] ?? '');
    if (this.highlighted >= this.items.length) this.highlighted = this.items.length - 1;
    this.show({ ...place, items: this.items, highlighted: this.highlighted, title: `${label}の候補` });
  }

  /** ↑/↓ walk the candidates, Enter takes the highlighted one: 'moved', the value taken, or null (not ours). */
  key(event: KeyboardEvent): 'moved' | { readonly take: string } | null {
    if (event.altKey || event.ctrlKey || event.metaKey) return null;
    if (event.key === 'ArrowDown' && this.items.length > 0) {
      this.highlighted = Math.min(this.items.length - 1, this.highlighted + 1);
      return 'moved';
    }
    if (event.key === 'ArrowUp' && this.highlighted >= 0) {
      this.highlighted -= 1;
      return 'moved';
    }
    const item = this.items[this.highlighted];
    if (event.key === 'Enter' && !event.shiftKey && item) return { take: item.value };
    return null;
  }

  /** Toggles `value` in the editor: off when present, else in place of the line being typed or after it. */
  take(input: HTMLTextAreaElement, field: ListField, masters: Masters, value: string): void {
    const known = new Set(field === 'departments' ? masters.departments.map((d) => d.name) : masters.departments.flatMap((d) => d.sections));
    const { lines, index } = caretLine(input);
    const next = toggleLine(lines, index, value, (text) => known.has(text));
    input.value = next.lines.join('\n');
    const caret = next.lines.slice(0, next.caretLine + 1).join('\n').length;
    input.setSelectionRange(caret, caret);
    this.highlighted = -1;
  }
}
