import type { AnnexTable } from '../../../../shared/model/annex-document';
import type { ValidationIssue } from '../../../../shared/validation/issue';

interface StatusBarProps {
  readonly table: AnnexTable;
  readonly visibleRows: number;
  readonly issues: readonly ValidationIssue[];
  /** The document's problems are still being found (a large file just opened). */
  readonly checking: boolean;
  readonly dirty: boolean;
  /** Why unsaved work could not be kept for recovery, if it could not. */
  readonly autosaveProblem: string | null;
  readonly fileName: string;
}

/** Rows, marks, problems and whether the work is saved, at a glance. */
export function StatusBar({ table, visibleRows, issues, checking, dirty, autosaveProblem, fileName }: StatusBarProps) {
  const marks = table.rows.reduce((sum, row) => sum + row.marks.length, 0);
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span>
        {visibleRows === table.rows.length ? `${table.rows.length} 行` : `${visibleRows} / ${table.rows.length} 行（絞り込み中）`}
      </span>
      <span>○ {marks} 個</span>
      {checking ? (
        <span data-testid="checking">検証中…</span>
      ) : (
        <>
          <span className={errors > 0 ? 'error' : undefined}>エラー {errors}</span>
          <span className={issues.length - errors > 0 ? 'warning' : undefined}>警告 {issues.length - errors}</span>
        </>
      )}
      <span className="status-file">{fileName}</span>
      {autosaveProblem && (
        <span className="error" data-testid="autosave-problem" title={autosaveProblem}>
          自動保存できません（異常終了すると未保存の変更は失われます）
        </span>
      )}
      <span data-testid="save-state" className={dirty ? 'dirty' : 'saved'}>
        {dirty ? '未保存の変更あり' : '保存済み'}
      </span>
    </footer>
  );
}
