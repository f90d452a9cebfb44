import { useMemo } from 'react';
import { TABLE_LABELS } from '../../../../shared/model/table-names';
import type { Plan } from '../../../../shared/model/plan';
import type { MergePreview } from '../../../../shared/submissions/merge-validation';
import { fieldLabel } from '../../../../shared/submissions/three-way';
import type { ValidationIssue } from '../../../../shared/validation/issue';
import { columnLabel, rowNumbers } from '../../../../shared/validation/issue-report';

interface MergePreviewPanelProps {
  readonly plan: Plan;
  readonly preview: MergePreview;
  /** The selection changed and the preview is being made again. */
  readonly previewing: boolean;
  readonly isNew: (issue: ValidationIssue) => boolean;
}

const SEVERITY = { error: 'エラー', warning: '警告' } as const;
// The first problems say enough; the rest are counted.
const LISTED = 100;

const cellName = (plan: Plan, issue: ValidationIssue): string =>
  issue.column.kind === 'mark' ? fieldLabel(plan, `mark:${issue.column.markId}`) : columnLabel(issue.column);

/** The annex as the merge would leave it, validated on the rows it touches: counts, and the problems it brings in first. */
export function MergePreviewPanel({ plan, preview, previewing, isNew }: MergePreviewPanelProps) {
  const numbers = useMemo(() => rowNumbers(preview.document), [preview.document]);
  const issues = useMemo(
    () => [...preview.issues].sort((a, b) => Number(isNew(b)) - Number(isNew(a)) || Number(b.severity === 'error') - Number(a.severity === 'error')),
    [preview.issues, isNew],
  );
  const introduced = issues.filter(isNew);
  const introducedErrors = introduced.filter((issue) => issue.severity === 'error').length;
  return (
    <aside className="review-preview" aria-labelledby="review-preview-title" aria-busy={previewing} data-testid="merge-preview">
      <h3 id="review-preview-title">取り込み後の検証</h3>
      <p className="preview-counts" data-testid="preview-counts">
        取り込む行の問題: <span className={preview.errors > 0 ? 'error' : undefined}>エラー {preview.errors} 件</span>・
        <span className={preview.warnings > 0 ? 'warning' : undefined}>警告 {preview.warnings} 件</span>
      </p>
      <p className="preview-introduced" data-testid="preview-introduced">
        {introduced.length === 0 ? '取り込みで新たに生じる問題はありません。' : `取り込みで新たに生じる問題: ${introduced.length} 件（うちエラー ${introducedErrors} 件）`}
      </p>
      {issues.length > 0 && (
        <ul className="preview-issues">
          {issues.slice(0, LISTED).map((issue, index) => (
            <li key={`${issue.rule}:${issue.table}:${issue.rowId}:${index}`} className={`preview-issue ${issue.severity}`} data-new={isNew(issue) || undefined}>
              <span className="issue-severity">{SEVERITY[issue.severity]}</span>
              {isNew(issue) && <span className="issue-new">新規</span>}
              <span className="issue-place">
                {TABLE_LABELS[issue.table]} {numbers[issue.table].get(issue.rowId) ?? '?'}・{cellName(plan, issue)}
              </span>
              <span className="issue-message">{issue.message}</span>
            </li>
          ))}
          {issues.length > LISTED && <li className="preview-more">ほか {issues.length - LISTED} 件</li>}
        </ul>
      )}
    </aside>
  );
}
