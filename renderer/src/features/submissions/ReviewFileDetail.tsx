import { useMemo } from 'react';
import type { AnnexDocument } from '../../../../shared/model/annex-document';
import type { FileReview } from '../../../../shared/submissions/merge-review';
import type { MergeSelection, SelectionTarget } from '../../../../shared/submissions/selection';
import { fileFacts, withoutFileName } from './file-facts';
import { ReviewRowView } from './ReviewRowView';
import { ROW_GROUP_LABELS, rowGroups } from './row-groups';
import { STATUS_LABELS } from './submission-labels';

interface ReviewFileDetailProps {
  readonly annex: AnnexDocument;
  readonly file: FileReview;
  readonly selection: MergeSelection;
  readonly onChoose: (target: SelectionTarget, accept: boolean) => void;
}

/** The chosen file: what it is and how it was matched, then its rows by what taking them would do. */
export function ReviewFileDetail({ annex, file, selection, onChoose }: ReviewFileDetailProps) {
  const { groups, unchanged } = useMemo(() => rowGroups(file), [file]);
  return (
    <section className="review-detail" aria-labelledby="review-detail-title" data-testid="review-detail">
      <header className="review-detail-header">
        <h3 id="review-detail-title">
          {file.fileName} <span className={`status-badge status-${file.status}`}>{STATUS_LABELS[file.status]}</span>
        </h3>
        <dl className="file-facts">
          {fileFacts(file).map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {file.problems.length > 0 && (
          <ul className={file.status === 'ok' ? 'file-notes' : 'file-reasons'} data-testid="file-problems">
            {file.problems.map((line) => (
              <li key={line}>{withoutFileName(file, line)}</li>
            ))}
          </ul>
        )}
        {file.status !== 'ok' && <p className="file-unchanged">このファイルからは何も取り込みません。</p>}
      </header>
      {groups.map((group) => (
        <section key={group.kind} className={`row-group group-${group.kind}`} aria-label={ROW_GROUP_LABELS[group.kind]} data-group={group.kind}>
          <h4>
            {ROW_GROUP_LABELS[group.kind]}（{group.rows.length} 行）
          </h4>
          {group.rows.map((row) => (
            <ReviewRowView key={`${row.table}:${row.rowId}`} annex={annex} file={file} row={row} selection={selection} onChoose={onChoose} />
          ))}
        </section>
      ))}
      {unchanged > 0 && <p className="rows-unchanged">変更のない行: {unchanged} 行</p>}
      {file.status === 'ok' && groups.length === 0 && <p className="rows-unchanged">取り込む変更はありません。</p>}
    </section>
  );
}
