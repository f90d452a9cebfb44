import { useMemo } from 'react';
import type { AnnexDocument, TableKind } from '../../../../shared/model/annex-document';
import { TABLE_LABELS } from '../../../../shared/model/table-names';
import type { ValidationIssue } from '../../../../shared/validation/issue';
import { rowPositions } from '../../../../shared/model/row-positions';
import { columnLabel } from '../../../../shared/validation/issue-report';

interface ProblemsPanelProps {
  readonly document: AnnexDocument;
  readonly issues: readonly ValidationIssue[];
  /** The problems of a large file just opened are still being found. */
  readonly checking: boolean;
  readonly onJump: (issue: ValidationIssue) => void;
  readonly onFix: (issue: ValidationIssue) => void;
  readonly onFixAllSafe: () => void;
  readonly onClose: () => void;
}

const SEVERITY_LABEL = { error: 'エラー', warning: '警告' } as const;

// A list of thousands would cost every edit a long render; the rest is reached through the problem filter.
export const MAX_LISTED_PER_SEVERITY = 200;

/** Problems by severity with counts; a click jumps to the cell, a button applies the fix. */
export function ProblemsPanel({ document, issues, checking, onJump, onFix, onFixAllSafe, onClose }: ProblemsPanelProps) {
  const { errors, warnings, safeCount } = useMemo(
    () => ({
      errors: issues.filter((issue) => issue.severity === 'error'),
      warnings: issues.filter((issue) => issue.severity === 'warning'),
      safeCount: issues.filter((issue) => issue.fix?.safe).length,
    }),
    [issues],
  );
  const where = (table: TableKind, rowId: string): string => {
    const index = rowPositions(document.tables[table].rows).get(rowId);
    return `${TABLE_LABELS[table]} ${index === undefined ? '?' : index + 1}`;
  };
  return (
    <aside className="problems" aria-label="問題の一覧" data-testid="problems-panel">
      <header className="problems-header">
        <h2>
          問題 <span className="count error">エラー {errors.length}</span> <span className="count warning">警告 {warnings.length}</span>
        </h2>
        <button type="button" disabled={safeCount === 0} onClick={onFixAllSafe} title="安全に直せる問題をまとめて直します（元に戻せます）">
          まとめて修正（{safeCount}）
        </button>
        <button type="button" className="close" aria-label="問題の一覧を閉じる" onClick={onClose}>
          ×
        </button>
      </header>
      {checking ? (
        <p className="problems-empty">検証中…（大きなファイルの全行を確かめています）</p>
      ) : issues.length === 0 ? (
        <p className="problems-empty">問題はありません。</p>
      ) : (
        [errors, warnings].map((group) =>
          group.length === 0 ? null : (
            <ul key={group[0]?.severity} className={`problems-list ${group[0]?.severity}`}>
              {group.slice(0, MAX_LISTED_PER_SEVERITY).map((issue, index) => (
                <li key={`${issue.rule}:${issue.table}:${issue.rowId}:${index}`} className={`problem ${issue.severity}`}>
                  <button type="button" className="problem-jump" onClick={() => onJump(issue)}>
                    <span className="problem-severity">{SEVERITY_LABEL[issue.severity]}</span>
                    <span className="problem-place">
                      {where(issue.table, issue.rowId)}・{columnLabel(issue.column)}
                    </span>
                    <span className="problem-message">{issue.message}</span>
                  </button>
                  {issue.fix && (
                    <button type="button" className="problem-fix" onClick={() => onFix(issue)}>
                      {issue.fix.label}
                    </button>
                  )}
                </li>
              ))}
              {group.length > MAX_LISTED_PER_SEVERITY && (
                <li className="problems-more">
                  ほか {group.length - MAX_LISTED_PER_SEVERITY} 件の{SEVERITY_LABEL[group[0]?.severity ?? 'warning']}（「問題」の絞り込みで行を表示できます）
                </li>
              )}
            </ul>
          ),
        )
      )}
    </aside>
  );
}
