import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { IpcResult } from '../../../../shared/ipc/contract';
import type { SendUnit } from '../../../../shared/model/ledger';
import type { FileReview } from '../../../../shared/submissions/merge-review';
import type { SubmissionFiles } from '../../bridge/renderer-bridge';
import { useEditor, type EditorServices } from '../../state/use-editor';
import type { DialogService } from '../dialogs/dialog-service';
import { isSubmissionDrop, readDrop, takeDrop } from './dropped-submissions';
import { reviewIntake, type Intake } from './intake-flow';
import { sendBackFile } from './send-back-flow';
import { SendDialog } from './SendDialog';
import { sendSubmissions } from './send-flow';
import { SubmissionNotice } from './SubmissionNotice';
import { SubmissionReview } from './SubmissionReview';
import type { MergeCommand } from './use-review';

export interface Submissions {
  /** 提出用ファイルの作成…: opens the send dialog. */
  send(): void;
  /** 提出ファイルの取り込み…: asks for files, then opens the review. */
  receive(): void;
  /** Takes a drop of several files or a folder as returned files (any drop while open); false for a drop it leaves. */
  receiveDrop(dataTransfer: DataTransfer): boolean;
  /** The send dialog or the review is open: commands that would change the document under it are not run. */
  readonly modal: boolean;
  /** The dialog, the review screen and the notice, where the app shows them. */
  readonly view: ReactNode;
}

/** The yearly collection in the window: the send, the intake of returned files, their review and the send-back. */
export function useSubmissions(services: EditorServices, dialogs: DialogService, onClosed: () => void): Submissions {
  const { store, bridge } = services;
  const document = useEditor((state) => state.history.present);
  const [sending, setSending] = useState(false);
  const [intake, setIntake] = useState<Intake | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const dismiss = useCallback(() => setNotice(null), []);

  const run = useCallback(async (work: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const line = await work();
      if (line) setNotice(line);
      return line;
    } finally {
      setBusy(false);
    }
  }, []);

  const open = useCallback(
    async (read: Promise<IpcResult<SubmissionFiles | null>>) => {
      const source = await read;
      if (!source.ok) return dialogs.inform('提出ファイルを取り込めません', source.error.message);
      if (!source.value) return;
      const next = await reviewIntake(services, dialogs, source.value);
      if (!next) return;
      setNotice(null);
      setIntake(next);
    },
    [services, dialogs],
  );

  const close = useCallback(() => {
    setIntake(null);
    setSending(false);
    onClosed();
  }, [onClosed]);

  const apply = useCallback(
    async (current: Intake, command: MergeCommand, newErrors: number) => {
      // The review was made against these tables; a document changed since would take changes meant for another.
      if (store.getState().history.present.tables !== current.annex.tables) {
        await dialogs.inform('取り込めません', '確認している間に取組事業一覧が変更されました。もう一度取り込んでください。');
        return close();
      }
      if (newErrors > 0 && !(await dialogs.confirm(`取り込むと新たにエラーが ${newErrors} 件生じます。取り込みますか？（後で直すこともできます）`))) return;
      store.dispatch(command);
      setNotice(`${command.label}を行いました。元に戻すには「元に戻す」（Ctrl+Z）`);
      close();
    },
    [store, dialogs, close],
  );

  const sendBack = useCallback(
    async (current: Intake, file: FileReview) => {
      await run(() => sendBackFile(services, dialogs, current, file));
    },
    [run, services, dialogs],
  );
  const send = useCallback(
    async (by: SendUnit) => {
      if (await run(() => sendSubmissions(services, dialogs, by))) close();
    },
    [run, services, dialogs, close],
  );

  const view = (
    <>
      {sending && <SendDialog document={document} destination={bridge.kind === 'electron' ? 'folder' : 'download'} busy={busy} onSend={send} onClose={close} />}
      {intake && (
        <SubmissionReview
          intake={intake}
          busy={busy}
          notice={notice}
          onApply={(command, newErrors) => apply(intake, command, newErrors)}
          onSendBack={(file) => sendBack(intake, file)}
          onClose={close}
        />
      )}
      {notice && !intake && !sending && <SubmissionNotice text={notice} onDismiss={dismiss} />}
    </>
  );

  const modal = sending || intake !== null;
  // Read by the drop handler, which stays the same function across renders.
  const modalNow = useRef(modal);
  modalNow.current = modal;
  const receive = useCallback(() => void open(bridge.openSubmissions()), [open, bridge]);
  const receiveDrop = useCallback(
    (dataTransfer: DataTransfer) => {
      // Nothing dropped on the window replaces or changes the document under an open dialog.
      if (modalNow.current) return true;
      const dropped = takeDrop(dataTransfer);
      if (!isSubmissionDrop(dropped)) return false;
      void open(readDrop(dropped, bridge));
      return true;
    },
    [open, bridge],
  );
  const openSend = useCallback(() => {
    setNotice(null);
    setSending(true);
  }, []);
  return { send: openSend, receive, receiveDrop, modal, view };
}
