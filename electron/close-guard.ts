import type { BrowserWindow, MessageBoxOptions } from 'electron';
import type { IpcChannel, IpcResult, MenuCommand } from '../shared/ipc/contract';
import { documentTitle } from './window-title';

export interface DocumentState {
  readonly fileName: string;
  readonly dirty: boolean;
}

export type SaveChoice = 'save' | 'discard' | 'cancel';

const BUTTONS: readonly { readonly label: string; readonly choice: SaveChoice }[] = [
  { label: '保存する', choice: 'save' },
  { label: '保存しない', choice: 'discard' },
  { label: 'キャンセル', choice: 'cancel' },
];
const CANCEL_ID = 2;

/** The native 「変更を保存しますか？」 box; Esc and the box's own close button mean キャンセル. */
export function savePromptOptions(fileName: string): MessageBoxOptions {
  return {
    type: 'warning',
    title: '取組事業一覧エディタ',
    message: '変更を保存しますか？',
    detail: `「${fileName.trim() === '' ? '無題' : fileName}」への変更は保存されていません。保存しないと変更は失われます。`,
    buttons: BUTTONS.map((button) => button.label),
    defaultId: 0,
    cancelId: CANCEL_ID,
    noLink: true,
  };
}

export function choiceForButton(index: number): SaveChoice {
  return BUTTONS[index]?.choice ?? 'cancel';
}

export interface GuardState {
  readonly dirty: boolean;
  /** The user already said 保存しない, or the save before closing succeeded. */
  readonly closeApproved: boolean;
  /** The prompt is on screen. */
  readonly prompting: boolean;
}

export type CloseDecision = 'allow' | 'ask' | 'wait';

/** What a close request does: go ahead, ask first, or (prompt already open) nothing at all. */
export function decideClose(state: GuardState): CloseDecision {
  if (state.closeApproved || !state.dirty) return 'allow';
  return state.prompting ? 'wait' : 'ask';
}

export type ChoicePlan = 'save-then-close' | 'close' | 'stay';

export function planForChoice(choice: SaveChoice): ChoicePlan {
  switch (choice) {
    case 'save':
      return 'save-then-close';
    case 'discard':
      return 'close';
    case 'cancel':
      return 'stay';
  }
}

/** A save step that failed or was cancelled: the save that was to precede closing will not happen. */
export function isAbandonedSave(channel: IpcChannel, result: IpcResult<unknown>): boolean {
  if (channel !== 'file:save' && channel !== 'file:choose-save-path') return false;
  if (!result.ok) return true;
  return typeof result.value === 'object' && result.value !== null && 'canceled' in result.value;
}

/** Everything the guard does to the outside world, injected so the logic runs without Electron. */
export interface CloseGuardEffects {
  /** Shows the save prompt and resolves with the index of the button pressed. */
  askToSave(fileName: string): Promise<number>;
  sendCommand(command: MenuCommand): void;
  closeWindow(): void;
  /** Removes the autosave this session wrote: the user has saved or chosen to drop the changes. */
  clearAutosave(): void;
  showState(title: string, dirty: boolean): void;
}

/**
 * Keeps the window from closing over unsaved changes. After 保存する the page saves and reports
 * dirty=false, and the window closes. It stays open when the page reports dirty=true, when a save step
 * fails or is cancelled, or when the user goes on with another command: then only a new close asks again.
 */
export class CloseGuard {
  #state: DocumentState = { fileName: '', dirty: false };
  #closeApproved = false;
  #prompting = false;
  #closeAfterSave = false;
  /** The page died with unsaved work that only its autosave now holds. */
  #pageLost = false;
  /** The page has reported its state since it (re)loaded. */
  #pageUp = false;

  constructor(private readonly effects: CloseGuardEffects) {}

  get dirty(): boolean {
    return this.#state.dirty;
  }

  get waitingForSave(): boolean {
    return this.#closeAfterSave;
  }

  setDocumentState(state: DocumentState): void {
    this.#state = state;
    this.#pageUp = true;
    // Dirty again after a crash: the reloaded page restored the autosaved work and guards it from now on.
    if (state.dirty) this.#pageLost = false;
    this.effects.showState(documentTitle(state.fileName, state.dirty), state.dirty);
    if (!this.#closeAfterSave) return;
    this.#closeAfterSave = false;
    // dirty=true after save-and-close means the save failed or was cancelled: stay open.
    if (!state.dirty) this.#close();
  }

  /** The save before closing failed or was cancelled (seen on its IPC result): stay open. */
  saveAbandoned(): void {
    this.#closeAfterSave = false;
  }

  /** The menu sent the page another command: the user went on working, so a later save must not close. */
  commandSent(command: MenuCommand): void {
    if (command !== 'save-and-close') this.#closeAfterSave = false;
  }

  /**
   * The page's process died (crash, kill, out of memory). Its unsaved work is in the autosave, which must
   * outlive this window until a page has offered it. Returns whether to reload the page so it offers the
   * work now: not when it died before coming up, which would only repeat.
   */
  pageGone(): boolean {
    const reload = this.#pageUp;
    this.#pageUp = false;
    this.#closeAfterSave = false;
    if (this.#state.dirty) this.#pageLost = true;
    this.#state = { ...this.#state, dirty: false };
    return reload;
  }

  /** The window's 'close' event (also fired for each window when the app quits). */
  handleClose(event: { preventDefault(): void }): void {
    // A dead page cannot save; closing keeps the autosave for the next start's recovery offer.
    if (this.#pageLost) return;
    const decision = decideClose({
      dirty: this.#state.dirty,
      closeApproved: this.#closeApproved,
      prompting: this.#prompting,
    });
    if (decision === 'allow') {
      this.effects.clearAutosave();
      return;
    }
    event.preventDefault();
    if (decision === 'ask') void this.#ask();
  }

  async #ask(): Promise<void> {
    this.#prompting = true;
    this.#closeAfterSave = false;
    let button: number;
    try {
      button = await this.effects.askToSave(this.#state.fileName);
    } catch (error) {
      console.error('The save prompt failed:', error);
      button = CANCEL_ID;
    } finally {
      this.#prompting = false;
    }
    switch (planForChoice(choiceForButton(button))) {
      case 'save-then-close':
        this.#closeAfterSave = true;
        this.effects.sendCommand('save-and-close');
        return;
      case 'close':
        this.#close();
        return;
      case 'stay':
        return;
    }
  }

  #close(): void {
    this.#closeApproved = true;
    this.effects.closeWindow();
  }
}

/** Wires a guard to a window: title and edited dot, the save prompt, and the 'close' event. */
export function attachCloseGuard(
  window: BrowserWindow,
  deps: {
    readonly showMessageBox: (window: BrowserWindow, options: MessageBoxOptions) => Promise<{ response: number }>;
    readonly sendCommand: (command: MenuCommand) => void;
    readonly clearAutosave: () => void;
  },
): CloseGuard {
  const guard = new CloseGuard({
    askToSave: async (fileName) => (await deps.showMessageBox(window, savePromptOptions(fileName))).response,
    sendCommand: deps.sendCommand,
    closeWindow: () => {
      if (!window.isDestroyed()) window.close();
    },
    clearAutosave: deps.clearAutosave,
    showState: (title, dirty) => {
      if (window.isDestroyed()) return;
      window.setTitle(title);
      // The macOS close button's dot; a no-op elsewhere.
      if (process.platform === 'darwin') window.setDocumentEdited(dirty);
    },
  });
  window.on('close', (event) => guard.handleClose(event));
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    console.error(`The editor page's process ended (${details.reason}); its unsaved work is in the autosave.`);
    // The reloaded page starts by offering the autosaved work back.
    if (guard.pageGone() && !window.isDestroyed()) window.webContents.reload();
  });
  return guard;
}
