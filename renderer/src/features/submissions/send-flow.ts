import { SEND_UNIT_LABELS, type SendUnit } from '../../../../shared/model/ledger';
import { recipientsOf } from '../../../../shared/submissions/recipients';
import { sectionFileName } from '../../../../shared/submissions/section-workbook';
import { newSendId } from '../../../../shared/submissions/send';
import type { EditorServices } from '../../state/use-editor';
import type { DialogService } from '../dialogs/dialog-service';

/** yyyymmdd of the send, for the browser's zip name. */
const day = (iso: string): string => iso.slice(0, 10).replaceAll('-', '');

/**
 * The send: where the workbooks go, the workbooks made in the worker from the annex as it is, written, and then the
 * send recorded in the document's ledger as an undoable edit. Returns the line for the status, or null when nothing
 * was sent (cancelled, or refused with a message already shown).
 */
export async function sendSubmissions({ store, bridge, io }: EditorServices, dialogs: DialogService, by: SendUnit): Promise<string | null> {
  const document = store.getState().history.present;
  const names = recipientsOf(document, by).map(sectionFileName);
  const folder = await bridge.chooseSubmissionFolder(names);
  if (!folder.ok) return dialogs.inform('提出用ファイルを作成できません', folder.error.message).then(() => null);
  if (!folder.value) return null;
  const { existing } = folder.value;
  if (existing.length > 0) {
    const answer = await dialogs.ask({
      title: '同じ名前のファイルがあります',
      message: `フォルダー「${folder.value.name}」には同じ名前のファイルが ${existing.length} 件あります。置き換えますか？`,
      details: existing,
      buttons: [
        { id: 'replace', label: '置き換える' },
        { id: 'cancel', label: 'キャンセル', primary: true },
      ],
      cancelId: 'cancel',
    });
    if (answer !== 'replace') return null;
  }
  const sentAt = new Date().toISOString();
  let sent;
  try {
    sent = await io.send(document, { by, id: newSendId(new Date(sentAt)), sentAt }, `提出用ファイル ${names.length} 件を作成しています`);
  } catch (error) {
    return dialogs.inform('提出用ファイルを作成できません', error instanceof Error ? error.message : String(error)).then(() => null);
  }
  if (!sent) return null;
  const written = await bridge.writeSubmissionFiles(folder.value, sent.files, `取組事業一覧_提出用_${day(sentAt)}.zip`);
  // Nothing is recorded unless every workbook was written: a send half out is made again as a whole.
  if (!written.ok) return dialogs.inform('提出用ファイルを保存できません', written.error.message).then(() => null);
  store.dispatch({ type: 'record-send', label: `提出用ファイルの作成（${SEND_UNIT_LABELS[by]}・${sent.files.length} 件）`, send: sent.send });
  const where = bridge.kind === 'browser' ? 'ZIP ファイルでダウンロード' : `フォルダー「${folder.value.name}」`;
  return `提出用ファイルを ${sent.files.length} 件作成しました（${where}）。送付の記録を文書に加えました。保存してください`;
}
