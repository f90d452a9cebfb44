import { useRef, type KeyboardEvent } from 'react';
import type { FileReview } from '../../../../shared/submissions/merge-review';
import type { MergeSelection, SelectionTarget } from '../../../../shared/submissions/selection';
import { ChoiceBox } from './ChoiceBox';
import { fileChoice } from './choice-state';
import { fileFacts, withoutFileName } from './file-facts';
import { groupCounts, ROW_GROUP_LABELS, type RowGroupKind } from './row-groups';
import { STATUS_LABELS } from './submission-labels';

interface ReviewFileListProps {
  readonly files: readonly FileReview[];
  /** The shown file's place in the list: a file taken twice in one intake has its copy's hash. */
  readonly chosen: number;
  readonly selection: MergeSelection;
  readonly onSelect: (index: number) => void;
  readonly onChoose: (target: SelectionTarget, accept: boolean) => void;
}

const COUNTED: readonly RowGroupKind[] = ['changed', 'added', 'deleted', 'conflict', 'rejected'];

function FileSummary({ file }: { readonly file: FileReview }) {
  if (file.status !== 'ok') return <span className="review-file-reason">{withoutFileName(file, file.problems[0] ?? '')}</span>;
  const counts = groupCounts(file);
  const parts = COUNTED.filter((kind) => counts[kind] > 0).map((kind) => `${ROW_GROUP_LABELS[kind]} ${counts[kind]}`);
  return <span className="review-file-counts">{parts.length > 0 ? parts.join('・') : '変更なし'}</span>;
}

/** The files taken in, each with its status, addressee, send and how it was matched; ↑↓ move between them. */
export function ReviewFileList({ files, chosen, selection, onSelect, onChoose }: ReviewFileListProps) {
  const list = useRef<HTMLUListElement>(null);
  const move = (event: KeyboardEvent, by: number): void => {
    const next = Math.min(files.length - 1, Math.max(0, chosen + by));
    event.preventDefault();
    onSelect(next);
    list.current?.querySelectorAll<HTMLButtonElement>('button.review-file-open')[next]?.focus();
  };
  return (
    <nav className="review-files" aria-label="取り込んだファイル">
      <ul ref={list} data-testid="review-files">
        {files.map((file, index) => {
          const current = index === chosen;
          return (
            <li key={index} className={`review-file status-${file.status}`} aria-current={current ? 'true' : undefined} data-testid="review-file" data-file-name={file.fileName}>
              {file.status === 'ok' ? (
                <ChoiceBox
                  choice={fileChoice(selection, file)}
                  label={`${file.fileName} の変更をすべて取り込む`}
                  tabIndex={current ? 0 : -1}
                  onChoose={(accept) => onChoose({ fileHash: file.fileHash }, accept)}
                />
              ) : (
                <span className="choice-space" />
              )}
              <button
                type="button"
                className="review-file-open"
                // One tab stop for the list: the arrows move within it.
                tabIndex={current ? 0 : -1}
                onClick={() => onSelect(index)}
                onKeyDown={(event) => {
                  if (event.key === 'ArrowDown') move(event, 1);
                  if (event.key === 'ArrowUp') move(event, -1);
                }}
              >
                <span className="review-file-name">{file.fileName}</span>
                <span className={`status-badge status-${file.status}`} data-testid="file-status">
                  {STATUS_LABELS[file.status]}
                </span>
                <span className="review-file-meta">
                  {fileFacts(file)
                    .filter(([label]) => label !== '比較のもと')
                    .map(([, value]) => value)
                    .join('・')}
                </span>
                <FileSummary file={file} />
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
