import type { AnnexRow } from '../../../../shared/model/annex-document';
import type { Plan } from '../../../../shared/model/plan';
import { HEADER_LABELS } from '../../../../shared/model/table-names';
import { fieldLabel } from '../../../../shared/submissions/three-way';
import { shownValue } from './submission-labels';

/** The ○ columns of a row as people name them: 目指す地域像１（１）, 目指す地域像１（２）「…」. */
const markNames = (plan: Plan, row: AnnexRow): string =>
  row.marks.length === 0 ? '（なし）' : row.marks.map((markId) => fieldLabel(plan, `mark:${markId}`).replace(/の○$/, '')).join('、');

/**
 * A whole row's contents, for a row added (shown as inserted) or dropped (shown struck through), or not taken
 * (shown plain).
 */
export function RowContents({ plan, row, as }: { readonly plan: Plan; readonly row: AnnexRow; readonly as: 'new' | 'old' | 'plain' }) {
  const Value = as === 'new' ? 'ins' : as === 'old' ? 'del' : 'span';
  const fields: [string, string][] = [
    [HEADER_LABELS.departments, shownValue(row.departments)],
    [HEADER_LABELS.sections, shownValue(row.sections)],
    [HEADER_LABELS.title, shownValue(row.title)],
    [HEADER_LABELS.summary, shownValue(row.summary)],
    ['○', markNames(plan, row)],
  ];
  return (
    <dl className={`row-contents ${as}`}>
      {fields.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            <Value className={as === 'new' ? 'value-new' : as === 'old' ? 'value-old' : undefined}>{value}</Value>
          </dd>
        </div>
      ))}
    </dl>
  );
}
