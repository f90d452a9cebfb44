import { formatForPath, type FormatId } from '../../../../shared/codec/format-table';
import { builtinAnnex } from '../../../../shared/builtin-annex';
import type { FileKind, IpcError, OpenedFile } from '../../../../shared/ipc/contract';
import { isDirty } from '../../../../shared/editing/history';
import type { AnnexDocument } from '../../../../shared/model/annex-document';
import type { DialogService } from '../dialogs/dialog-service';
import type { EditorServices } from '../../state/use-editor';
import type { OpenFile } from '../../state/editor-store';
import { isCancelled, WriteCancelledError, type DocumentIo } from '../../workers/document-io';
import { emptyDocumentLike } from './empty-document';

export const BUILTIN_NAME = '組み込みの2024年版';
export const UNTITLED_NAME = '無題';

export interface FileActions {
  newDocument(): Promise<void>;
  open(path?: string): Promise<void>;
  openDropped(file: File): Promise<void>;
  /** Reads a workbook or JSON file into the open document as one undoable step. */
  importInto(): Promise<void>;
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  exportAs(kind: 'xlsx-export' | 'json-export'): Promise<void>;
  /** Asks about unsaved changes; true when it is fine to go on. */
  confirmDiscard(): Promise<boolean>;
  startup(): Promise<void>;
}

const baseName = (name: string): string => name.replace(/\.[^.]+$/, '');

/** Everything that moves a document between files and the editor, with the questions a user expects. */
export function createFileActions({ store, bridge, io }: EditorServices, dialogs: DialogService): FileActions {
  const current = (): AnnexDocument => store.getState().history.present;
  const displayName = (): string => store.getState().file?.name ?? store.getState().untitledName;

  const showError = (title: string, error: IpcError | readonly string[]): Promise<void> =>
    Array.isArray(error)
      ? dialogs.inform(title, `${error.length} 件の問題があり、読み込めませんでした。文書は変更されていません。`, error.slice(0, 50))
      : dialogs.inform(title, (error as IpcError).message);

  const read = async (opened: OpenedFile): Promise<AnnexDocument | undefined> => {
    const result = await io.read(opened.bytes, { fileName: opened.name, base: current() }, `${opened.name} を読み込んでいます`);
    // Cancelled by the user: the open document stays as it was, with nothing to report.
    if (isCancelled(result)) return undefined;
    if (!result.ok) {
      await showError('ファイルを開けません', result.error);
      return undefined;
    }
    if (result.value.warnings.length > 0) {
      await dialogs.inform('読み込みの注意', `${opened.name} を読み込みました。次の点を確認してください。`, result.value.warnings.slice(0, 50));
    }
    return result.value.document;
  };

  const load = async (opened: OpenedFile): Promise<void> => {
    const document = await read(opened);
    if (!document) return;
    const format = formatForPath(opened.name)?.id ?? 'json';
    store.load(document, { path: opened.path, name: opened.name, mtimeMs: opened.mtimeMs, format }, UNTITLED_NAME);
  };

  const writeCancellable = async (document: AnnexDocument, format: FormatId, label: string): Promise<Uint8Array | undefined> => {
    try {
      return await io.write(document, format, label);
    } catch (error) {
      if (error instanceof WriteCancelledError) return undefined;
      throw error;
    }
  };

  const writeTo = async (path: string, name: string, expectedMtimeMs: number | null): Promise<OpenFile | undefined> => {
    const format = formatForPath(name);
    if (!format?.writable) {
      await dialogs.inform('保存できません', `${name}: この形式では保存できません。.xlsx か .json を選んでください。`);
      return undefined;
    }
    const document = current();
    const bytes = await writeCancellable(document, format.id, `${name} を保存しています`);
    // Cancelled: nothing written, the document stays unsaved.
    if (!bytes) return undefined;
    const result = await bridge.save(path, bytes, expectedMtimeMs);
    if (!result.ok) {
      if (result.error.code === 'changed-on-disk') {
        const answer = await dialogs.ask({
          title: 'ファイルが変更されています',
          message: `${name} は開いた後に他のアプリで変更されています。上書きすると、その変更は失われます。`,
          buttons: [
            { id: 'overwrite', label: '上書き保存' },
            { id: 'save-as', label: '名前を付けて保存…', primary: true },
            { id: 'cancel', label: 'キャンセル' },
          ],
          cancelId: 'cancel',
        });
        if (answer === 'overwrite') return writeTo(path, name, null);
        if (answer === 'save-as') return (await actions.saveAs()) ? (store.getState().file ?? undefined) : undefined;
        return undefined;
      }
      await showError('保存できません', result.error);
      return undefined;
    }
    const file: OpenFile = { path: result.value.path, name: result.value.name, mtimeMs: result.value.mtimeMs, format: format.id };
    store.saved(document, file);
    await bridge.clearAutosave();
    return file;
  };

  const actions: FileActions = {
    async confirmDiscard() {
      if (!isDirty(store.getState().history)) return true;
      const answer = await dialogs.ask({
        title: '変更の保存',
        message: `${displayName()} への変更を保存しますか？`,
        buttons: [
          { id: 'save', label: '保存する', primary: true },
          { id: 'discard', label: '保存しない' },
          { id: 'cancel', label: 'キャンセル' },
        ],
        cancelId: 'cancel',
      });
      if (answer === 'save') return actions.save();
      return answer === 'discard';
    },
    async newDocument() {
      if (!(await actions.confirmDiscard())) return;
      store.load(emptyDocumentLike(current()), null, UNTITLED_NAME);
    },
    async open(path) {
      if (!(await actions.confirmDiscard())) return;
      const result = await bridge.open('annex', path);
      if (!result.ok) return showError('ファイルを開けません', result.error);
      if (result.value) await load(result.value);
    },
    async openDropped(file) {
      if (!(await actions.confirmDiscard())) return;
      const path = bridge.pathForFile(file);
      if (path) return actions.open(path);
      const bytes = new Uint8Array(await file.arrayBuffer());
      await load({ path: file.name, name: file.name, bytes, mtimeMs: file.lastModified });
    },
    async importInto() {
      const result = await bridge.open('annex');
      if (!result.ok) return showError('取り込めません', result.error);
      if (!result.value) return;
      const document = await read(result.value);
      if (document) store.dispatch({ type: 'replace-document', label: `取り込み（${result.value.name}）`, document });
    },
    async save() {
      const file = store.getState().file;
      if (!file || !formatForPath(file.name)?.writable) return actions.saveAs();
      return (await writeTo(file.path, file.name, file.mtimeMs)) !== undefined;
    },
    async saveAs() {
      const chosen = await bridge.chooseSavePath(`${baseName(displayName())}.xlsx`, 'annex');
      if (!chosen.ok) return showError('保存できません', chosen.error).then(() => false);
      if (!chosen.value) return false;
      return (await writeTo(chosen.value.path, chosen.value.name, null)) !== undefined;
    },
    async exportAs(kind) {
      const extension = kind === 'xlsx-export' ? '.xlsx' : '.json';
      const chosen = await bridge.chooseSavePath(`${baseName(displayName())}${extension}`, kind);
      if (!chosen.ok) return showError('書き出せません', chosen.error);
      if (!chosen.value) return;
      const format = formatForPath(chosen.value.name);
      if (!format?.writable) return dialogs.inform('書き出せません', `${chosen.value.name}: この形式では書き出せません`);
      const bytes = await writeCancellable(current(), format.id, `${chosen.value.name} を書き出しています`);
      if (!bytes) return;
      const written = await bridge.save(chosen.value.path, bytes, null);
      if (!written.ok) await showError('書き出せません', written.error);
    },
    async startup() {
      const recovery = await bridge.readAutosave();
      if (recovery.ok && recovery.value) {
        const answer = await dialogs.ask({
          title: '変更の復元',
          message: `前回保存されなかった変更があります（${new Date(recovery.value.savedAt).toLocaleString('ja-JP')}）。復元しますか？`,
          buttons: [
            { id: 'restore', label: '復元する', primary: true },
            { id: 'discard', label: '破棄する' },
          ],
          cancelId: 'restore',
        });
        if (answer === 'restore') {
          const restored = await io.read(new TextEncoder().encode(recovery.value.documentJson), { fileName: '復元した文書.json' }, '変更を復元しています');
          if (isCancelled(restored)) return store.load(builtinAnnex(), null, BUILTIN_NAME);
          if (restored.ok) {
            const path = recovery.value.filePath;
            // The file's time as the crashed session knew it: a save then still notices a change made since.
            const mtimeMs = recovery.value.fileMtimeMs ?? null;
            const file = path ? { path, name: path.split(/[\\/]/).pop() ?? path, mtimeMs, format: formatForPath(path)?.id ?? 'json' } : null;
            store.load(restored.value.document, file, UNTITLED_NAME, { dirty: true });
            return;
          }
          await showError('復元できません', restored.error);
        }
        await bridge.clearAutosave();
      }
      const settings = await bridge.settings();
      const last = settings.ok ? settings.value.lastFilePath : null;
      if (last) {
        const opened = await bridge.open('annex', last);
        if (opened.ok && opened.value) return load(opened.value);
      }
      store.load(builtinAnnex(), null, BUILTIN_NAME);
    },
  };
  return actions;
}
