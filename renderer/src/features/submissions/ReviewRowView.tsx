import type { AnnexDocument } from '../../../../shared/model/annex-document';
import { rowPositions } from '../../../../shared/model/row-positions';
import type { FileReview, RowReview } from '../../../../shared/submissions/merge-review';
import { isCellChosen, type MergeSelection, type SelectionTarget } from '../../../../shared/submissions/selection';
import { CellDiffView } from './CellDiffView';
import { ChoiceBox } from './ChoiceBox';
import { rowChoice } from './choice-state';
import { RowContents } from './RowContents';
import { rowMatchLabel, shownNumber } from './submission-labels';

interface ReviewRowViewProps {
  readonly annex: AnnexDocument;
  readonly file: FileReview;
  readonly row: RowReview;
  readonly selection: MergeSelection;
  readonly onChoose: (target: SelectionTarget, accept: boolean) => void;
}

const ROW_CHOICE_LABELS: Partial<Record<RowReview['kind'], string>> = {
  changed: 'この行の変更を取り込む',
  added: 'この行を追加する',
  deleted: 'この行を削除する',
};

/** Where an added row goes: after the addressee's last row in the annex now. */
function placeOf(annex: AnnexDocument, row: RowReview): string {
  if (row.insertAfter === null) return '表の最後に追加';
  // The table's cached index of row ids, not a search of 50,000 rows for each added row shown.
  const index = rowPositions(annex.tables[row.table].rows).get(row.insertAfter);
  return index === undefined ? '表の最後に追加' : `通し番号 ${index + 1} の後に追加`;
}

/** One row of a file: its numbers and how it was matched, then what taking it would do. */
export function ReviewRowView({ annex, file, row, selection, onChoose }: ReviewRowViewProps) {
  const target = { fileHash: file.fileHash, table: row.table, rowId: row.rowId };
  const label = ROW_CHOICE_LABELS[row.kind];
  const title = row.theirs?.title ?? row.ours?.title ?? row.base?.title ?? '';
  const { sent, file: inFile, now } = row.numbers;
  // A dropped row is shown as the annex has it now (as sent, should it be gone from the annex too).
  const dropped = row.ours ?? row.base;
  return (
    <article className={`review-row kind-${row.kind}`} data-row-id={row.rowId} data-testid="review-row">
      <header className="review-row-header">
        {label && file.status === 'ok' ? (
          <ChoiceBox choice={rowChoice(selection, file, row)} label={`${label}（${title}）`} onChoose={(accept) => onChoose(target, accept)} />
        ) : (
          <span className="choice-space" />
        )}
        <span className="row-numbers" title="通し番号（送付時 / ファイル / 現在）">
          通し番号 送付時 {shownNumber(sent)}・ファイル {shownNumber(inFile)}・現在 {shownNumber(now)}
        </span>
        <span className="row-match">照合: {rowMatchLabel(row.match)}</span>
        <span className="row-title">{title}</span>
      </header>
      {row.kind === 'changed' &&
        row.cells
          .filter((cell) => cell.state !== 'same')
          .map((cell) => (
            <CellDiffView
              key={cell.field}
              plan={annex.plan}
              cell={cell}
              chosen={isCellChosen(selection, file, row, cell.field)}
              onChoose={(accept) => onChoose({ ...target, field: cell.field }, accept)}
            />
          ))}
      {row.kind === 'added' && row.theirs && (
        <>
          <p className="row-place">{placeOf(annex, row)}</p>
          <RowContents plan={annex.plan} row={row.theirs} as="new" />
        </>
      )}
      {row.kind === 'deleted' && dropped && (
        <>
          <p className="row-place">チェックすると、この行を取組事業一覧から削除します</p>
          <RowContents plan={annex.plan} row={dropped} as="old" />
        </>
      )}
      {row.kind === 'rejected' && row.theirs && <RowContents plan={annex.plan} row={row.theirs} as="plain" />}
      {row.problems.length > 0 && (
        <ul className="row-problems">
          {row.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
