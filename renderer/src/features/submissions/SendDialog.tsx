import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnnexDocument } from '../../../../shared/model/annex-document';
import { SEND_UNIT_LABELS, type SendUnit } from '../../../../shared/model/ledger';
import { TABLE_LABELS } from '../../../../shared/model/table-names';
import { addresseeLabel, recipientsOf } from '../../../../shared/submissions/recipients';
import { INPUT_ROWS, sectionFileName } from '../../../../shared/submissions/section-workbook';
import './submissions.css';

export interface SendDialogProps {
  readonly document: AnnexDocument;
  /** Where the workbooks go: a folder the user picks (Electron), or one zip downloaded (browser). */
  readonly destination: 'folder' | 'download';
  readonly busy: boolean;
  /** Resolves when the send is done or given up; the dialog is then closed or open again for another try. */
  readonly onSend: (by: SendUnit) => Promise<void>;
  readonly onClose: () => void;
}

const UNITS: readonly SendUnit[] = ['section', 'department'];

/** 提出用ファイルの作成: per 課 or per 部, the addressees with their rows, then the workbooks. */
export function SendDialog({ document, destination, busy, onSend, onClose }: SendDialogProps) {
  const [by, setBy] = useState<SendUnit>('section');
  const recipients = useMemo(() => recipientsOf(document, by), [document, by]);
  const rows = recipients.reduce((sum, recipient) => sum + recipient.rows.length, 0);
  const first = useRef<HTMLInputElement>(null);
  const create = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => first.current?.focus(), []);
  // A question answered in between (replace the files?) leaves focus nowhere: back to 作成… once it is enabled again.
  useEffect(() => {
    if (!refocus || busy) return;
    create.current?.focus();
    setRefocus(false);
  }, [refocus, busy]);

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog send-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="send-dialog-title"
        data-testid="send-dialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !busy) {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="send-dialog-title">提出用ファイルの作成</h2>
        <p className="dialog-message">
          宛先ごとに、その取組の行を取組事業一覧と同じ形で並べた Excel ブックを作ります（新しい取組用の空き行 {INPUT_ROWS} 行付き）。送付した行は文書に記録され、回答を取り込むときの比較のもとになります。
        </p>
        <fieldset className="send-units" disabled={busy}>
          <legend>宛先の単位</legend>
          {UNITS.map((unit, index) => (
            <label key={unit}>
              <input ref={index === 0 ? first : undefined} type="radio" name="send-unit" value={unit} checked={by === unit} onChange={() => setBy(unit)} />
              {SEND_UNIT_LABELS[unit]}
            </label>
          ))}
        </fieldset>
        <div className="send-recipients" tabIndex={0} aria-label="宛先の一覧">
          <table data-testid="send-recipients">
            <thead>
              <tr>
                <th scope="col">宛先</th>
                <th scope="col">表</th>
                <th scope="col" className="number">
                  行数
                </th>
                <th scope="col">ファイル名</th>
              </tr>
            </thead>
            <tbody>
              {recipients.map((recipient) => (
                <tr key={recipient.key} className={recipient.rows.length === 0 ? 'no-rows' : undefined}>
                  <td>{addresseeLabel(recipient)}</td>
                  <td>{TABLE_LABELS[recipient.table]}</td>
                  <td className="number">{recipient.rows.length}</td>
                  <td className="file-name">{sectionFileName(recipient)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="send-total" data-testid="send-total">
          {recipients.length} ファイル・{rows} 行（複数の課に関わる行は、それぞれに送ります）
        </p>
        <p className="send-where">
          {destination === 'folder'
            ? '「作成…」を押すと、保存先のフォルダーを選びます。'
            : 'ブラウザー版では、すべてのファイルを ZIP ファイル 1 つにまとめてダウンロードします。'}
        </p>
        <div className="dialog-buttons">
          <button
            ref={create}
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void onSend(by).finally(() => setRefocus(true))}
          >
            作成…
          </button>
          <button type="button" disabled={busy} onClick={onClose}>
            キャンセル
          </button>
        </div>
      </div>
    </div>
  );
}
