import type { PickerItem } from './list-candidates';

/** Where the picker shows and what it offers; the cell editor above it keeps the keyboard focus. */
export interface PickerState {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly items: readonly PickerItem[];
  readonly highlighted: number;
  readonly title: string;
}

export function ListPicker({ state, onPick }: { readonly state: PickerState; readonly onPick: (value: string) => void }) {
  let lastGroup = '';
  return (
    <div
      className="annex-picker"
      data-testid="grid-list-picker"
      role="listbox"
      aria-label={state.title}
      style={{ left: state.left, top: state.top, minWidth: state.width }}
      // The editor keeps the focus (and any IME composition) while the list is clicked.
      onMouseDown={(event) => event.preventDefault()}
    >
      <div className="annex-picker-hint">↑↓で選び Enter で入れる／クリックで付け外し／Alt+Enter で次の行</div>
      {state.items.length === 0 && <div className="annex-picker-empty">マスタに一致する値がありません（このまま入力できます）</div>}
      {state.items.map((item, index) => {
        const heading = item.group !== lastGroup ? item.group : null;
        lastGroup = item.group;
        return (
          <div key={`${item.group}:${item.value}`}>
            {heading && <div className="annex-picker-group">{heading}</div>}
            <div
              role="option"
              aria-selected={index === state.highlighted}
              aria-checked={item.checked}
              className={`annex-picker-item${index === state.highlighted ? ' is-highlighted' : ''}${item.checked ? ' is-checked' : ''}`}
              onClick={() => onPick(item.value)}
            >
              <span className="annex-picker-check">{item.checked ? '✓' : ''}</span>
              {item.value}
            </div>
          </div>
        );
      })}
    </div>
  );
}
