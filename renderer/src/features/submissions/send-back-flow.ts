import type { FileReview } from '../../../../shared/submissions/merge-review';
import { addresseeLabel } from '../../../../shared/submissions/recipients';
import { newSendId } from '../../../../shared/submissions/send';
import type { EditorServices } from '../../state/use-editor';
import type { DialogService } from '../dialogs/dialog-service';
import type { Intake } from './intake-flow';

/**
 * A reviewed answer sent back to its section: the workbook made in the worker, saved where the user says, and
 * recorded as a new send (so the corrected file comes back compared with the annex then). Returns the status line.
 */
export async function sendBackFile({ store, bridge, io }: EditorServices, dialogs: DialogService, intake: Intake, file: FileReview): Promise<string | null> {
  const sentAt = new Date().toISOString();
  let sendBack;
  try {
    sendBack = await io.sendBack(intake.annex, file, { id: newSendId(new Date(sentAt)), sentAt }, `${file.fileName} の差し戻し用ファイルを作成しています`);
  } catch (error) {
    return dialogs.inform('差し戻し用ファイルを作成できません', `${file.fileName}: ${error instanceof Error ? error.message : String(error)}`).then(() => null);
  }
  if (!sendBack) return null;
  const place = await bridge.chooseSavePath(sendBack.fileName, 'xlsx-export');
  if (!place.ok) return dialogs.inform('差し戻し用ファイルを保存できません', place.error.message).then(() => null);
  if (!place.value) return null;
  const saved = await bridge.save(place.value.path, sendBack.bytes, null);
  if (!saved.ok) return dialogs.inform('差し戻し用ファイルを保存できません', saved.error.message).then(() => null);
  const to = file.recipient ? addresseeLabel(file.recipient) : file.fileName;
  store.dispatch({ type: 'record-send', label: `差し戻し（${to}）`, send: sendBack.send });
  return `差し戻し用ファイル「${saved.value.name}」を作成しました（${to}）。送付の記録を文書に加えました`;
}
