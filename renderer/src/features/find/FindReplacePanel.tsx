import { useEffect, useMemo, useRef, useState } from 'react';
import { findMatches, replaceAllCommand, type FindQuery } from '../../../../shared/editing/find-replace';
import type { EditCommand } from '../../../../shared/editing/edit-command';
import type { AnnexDocument, TableKind } from '../../../../shared/model/annex-document';
import type { RowField } from '../../../../shared/validation/issue';
import type { GridCell } from '../grid/grid-props';

interface FindReplacePanelProps {
  readonly document: AnnexDocument;
  readonly table: TableKind;
  readonly mode: 'find' | 'replace';
  readonly onJump: (cell: GridCell) => void;
  readonly onCommand: (command: EditCommand) => void;
  readonly onClose: () => void;
  readonly inform: (message: string) => void;
}

const FIELDS: readonly RowField[] = ['departments', 'sections', 'title', 'summary'];

/** 検索と置換 over the current table; すべて置換 is one undo step. */
export function FindReplacePanel({ document, table, mode, onJump, onCommand, onClose, inform }: FindReplacePanelProps) {
  const [text, setText] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [matchWidth, setMatchWidth] = useState(false);
  const [position, setPosition] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [mode]);
  const query: FindQuery = useMemo(() => ({ text, fields: FIELDS, matchCase, matchWidth }), [text, matchCase, matchWidth]);
  // Searching a large annex takes tens of milliseconds: not on every keystroke in 置換後の文字列.
  const matches = useMemo(() => findMatches(document, [table], query), [document, table, query]);

  const findNext = (step: 1 | -1): void => {
    if (matches.length === 0) return inform(`「${text}」は見つかりません`);
    const next = (position + step + matches.length) % matches.length;
    setPosition(next);
    const match = matches[next];
    if (match) onJump({ rowId: match.rowId, column: { kind: 'field', field: match.field } });
  };

  const replaceAll = (): void => {
    const replaced = replaceAllCommand(document, table, query, replacement);
    if (!replaced) return inform(`「${text}」は見つかりません`);
    onCommand(replaced.command);
    inform(`${replaced.count} 個のセルで置換しました（元に戻す で取り消せます）`);
  };

  return (
    <div
      className="find-panel"
      role="search"
      aria-label={mode === 'find' ? '検索' : '置換'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <label>
        検索する文字列
        <input
          ref={input}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setPosition(-1);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) findNext(event.shiftKey ? -1 : 1);
          }}
        />
      </label>
      {mode === 'replace' && (
        <label>
          置換後の文字列
          <input value={replacement} onChange={(event) => setReplacement(event.target.value)} />
        </label>
      )}
      <label className="check">
        <input type="checkbox" checked={matchCase} onChange={(event) => setMatchCase(event.target.checked)} />
        大文字と小文字を区別
      </label>
      <label className="check">
        <input type="checkbox" checked={matchWidth} onChange={(event) => setMatchWidth(event.target.checked)} />
        全角と半角を区別
      </label>
      <span className="find-count" aria-live="polite">
        {text ? `${matches.length} 件` : ''}
      </span>
      <button type="button" onClick={() => findNext(-1)} disabled={!text}>
        前へ
      </button>
      <button type="button" onClick={() => findNext(1)} disabled={!text}>
        次を検索
      </button>
      {mode === 'replace' && (
        <button type="button" onClick={replaceAll} disabled={!text}>
          すべて置換
        </button>
      )}
      <button type="button" aria-label="検索を閉じる" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
