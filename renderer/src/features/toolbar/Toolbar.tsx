import type { ReactNode } from 'react';

export interface ToolbarAction {
  readonly id: string;
  readonly label: string;
  readonly title?: string;
  readonly disabled?: boolean;
  readonly run: () => void;
}

/** Groups of buttons for the commands the native menu also offers, so the browser preview has them too. */
export function Toolbar({ groups, children }: { readonly groups: readonly (readonly ToolbarAction[])[]; readonly children?: ReactNode }) {
  return (
    <div className="toolbar" role="toolbar" aria-label="ツールバー">
      {groups.map((group, index) => (
        <div className="toolbar-group" key={index}>
          {group.map((action) => (
            <button
              key={action.id}
              type="button"
              data-action={action.id}
              title={action.title ?? action.label}
              disabled={action.disabled}
              onClick={action.run}
            >
              {action.label}
            </button>
          ))}
        </div>
      ))}
      {children}
    </div>
  );
}
