import type { Masters } from '../../../../shared/model/annex-document';
import type { ListField } from '../../../../shared/validation/issue';

/** One choice in the 部/課 picker. */
export interface PickerItem {
  readonly value: string;
  /** The heading it is listed under: この行の部の課, or a 部's name. */
  readonly group: string;
  /** Already in the cell. */
  readonly checked: boolean;
}

const normalize = (text: string): string => text.normalize('NFKC').toLowerCase().trim();

/**
 * The master's values for a 部 or 課 cell, those of the row's 部 first for 課, filtered by the line being
 * typed (unless it already names a value). Free text stays possible: the picker only offers.
 */
export function listCandidates(field: ListField, masters: Masters, rowDepartments: readonly string[], lines: readonly string[], query: string): PickerItem[] {
  const present = new Set(lines.map((line) => line.trim()).filter((line) => line.length > 0));
  let items: PickerItem[];
  if (field === 'departments') {
    items = masters.departments.map((department) => ({ value: department.name, group: '部', checked: present.has(department.name) }));
  } else {
    const own = new Set(rowDepartments);
    const first: PickerItem[] = [];
    const rest: PickerItem[] = [];
    for (const department of masters.departments) {
      for (const section of department.sections) {
        const item = { value: section, group: own.has(department.name) ? `${department.name}（この行の部）` : department.name, checked: present.has(section) };
        (own.has(department.name) ? first : rest).push(item);
      }
    }
    items = [...first, ...rest];
  }
  const needle = normalize(query);
  if (needle.length === 0 || items.some((item) => normalize(item.value) === needle)) return items;
  return items.filter((item) => normalize(item.value).includes(needle));
}

/**
 * The cell's lines with `value` toggled: removed when present; otherwise it takes the place of the line being
 * typed (empty, or a query that names no value) or goes on a new line after it.
 */
export function toggleLine(
  lines: readonly string[],
  lineIndex: number,
  value: string,
  isValue: (text: string) => boolean,
): { lines: string[]; caretLine: number } {
  const trimmed = lines.map((line) => line.trim());
  const at = trimmed.indexOf(value);
  if (at >= 0) {
    const next = lines.filter((_, index) => index !== at);
    return { lines: next.length > 0 ? next : [''], caretLine: Math.max(0, Math.min(lineIndex, next.length - 1)) };
  }
  const next = [...lines];
  const current = trimmed[lineIndex] ?? '';
  if (current.length === 0 || !isValue(current)) {
    next[lineIndex] = value;
    return { lines: next, caretLine: lineIndex };
  }
  next.splice(lineIndex + 1, 0, value);
  return { lines: next, caretLine: lineIndex + 1 };
}
