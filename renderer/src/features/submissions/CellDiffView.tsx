import type { Plan } from '../../../../shared/model/plan';
import type { CellDiff } from '../../../../shared/submissions/merge-review';
import { fieldLabel } from '../../../../shared/submissions/three-way';
import type { Tristate } from './choice-state';
import { ChoiceBox } from './ChoiceBox';
import { shownValue } from './submission-labels';

interface CellDiffViewProps {
  readonly plan: Plan;
  readonly cell: CellDiff;
  readonly chosen: boolean;
  readonly onChoose: (accept: boolean) => void;
}

/**
 * One differing cell: a proposal shows the value as sent struck through and the section's beside it; a conflict
 * shows 送付時, 提出 and 現在 side by side, and taking it puts 提出 over 現在.
 */
export function CellDiffView({ plan, cell, chosen, onChoose }: CellDiffViewProps) {
  const label = fieldLabel(plan, cell.field);
  const state: Tristate = chosen ? 'on' : 'off';
  const action = cell.state === 'conflict' ? `${label}を提出の値にする` : `${label}を取り込む`;
  const box = <ChoiceBox choice={{ state, disabled: false }} label={action} onChoose={onChoose} />;
  if (cell.state === 'conflict') {
    return (
      <div className="cell-diff conflict" data-field={cell.field} data-testid="cell-diff">
        {box}
        <span className="cell-label">{label}</span>
        <dl className="conflict-sides">
          <div>
            <dt>送付時</dt>
            <dd className="side-base">{shownValue(cell.base)}</dd>
          </div>
          <div>
            <dt>提出</dt>
            <dd className="side-theirs">{shownValue(cell.theirs)}</dd>
          </div>
          <div>
            <dt>現在</dt>
            <dd className="side-ours">{shownValue(cell.ours)}</dd>
          </div>
        </dl>
      </div>
    );
  }
  return (
    <div className="cell-diff" data-field={cell.field} data-testid="cell-diff">
      {box}
      <span className="cell-label">{label}</span>
      <span className="cell-values">
        <del className="value-old">{shownValue(cell.base)}</del>
        <span className="value-arrow" aria-hidden="true">
          →
        </span>
        <ins className="value-new">{shownValue(cell.theirs)}</ins>
      </span>
    </div>
  );
}
