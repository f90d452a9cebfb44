import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  attachCloseGuard,
  choiceForButton,
  CloseGuard,
  decideClose,
  isAbandonedSave,
  planForChoice,
  savePromptOptions,
  type CloseGuardEffects,
} from '../../../electron/close-guard';
import { documentTitle } from '../../../electron/window-title';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { FakeBrowserWindow, preventableEvent } from '../support/electron-mock';

const SAVE = 0;
const DONT_SAVE = 1;
const CANCEL = 2;

/** A guard whose prompt answers with `answers` in turn, recording what it does. */
function guardWith(...answers: number[]) {
  const log: string[] = [];
  const prompts: string[] = [];
  const effects: CloseGuardEffects = {
    askToSave: async (fileName) => {
      prompts.push(fileName);
      return answers.shift() ?? CANCEL;
    },
    sendCommand: (command: MenuCommand) => log.push(`send:${command}`),
    closeWindow: () => log.push('close'),
    clearAutosave: () => log.push('clear-autosave'),
    showState: (title, dirty) => log.push(`state:${title}:${String(dirty)}`),
  };
  return { guard: new CloseGuard(effects), log, prompts };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function requestClose(guard: CloseGuard): boolean {
  const event = preventableEvent();
  guard.handleClose(event);
  return event.defaultPrevented;
}

describe('close decisions (pure)', () => {
  it('clean → close; dirty → ask; prompt open → wait; approved → close', () => {
    expect(decideClose({ dirty: false, closeApproved: false, prompting: false })).toBe('allow');
    expect(decideClose({ dirty: true, closeApproved: false, prompting: false })).toBe('ask');
    expect(decideClose({ dirty: true, closeApproved: false, prompting: true })).toBe('wait');
    expect(decideClose({ dirty: true, closeApproved: true, prompting: false })).toBe('allow');
  });

  it('maps the buttons 保存する / 保存しない / キャンセル to plans', () => {
    expect([SAVE, DONT_SAVE, CANCEL, 7].map(choiceForButton)).toEqual(['save', 'discard', 'cancel', 'cancel']);
    expect(planForChoice('save')).toBe('save-then-close');
    expect(planForChoice('discard')).toBe('close');
    expect(planForChoice('cancel')).toBe('stay');
  });

  it('the prompt is the native 「変更を保存しますか？」 with キャンセル as the cancel button', () => {
    const options = savePromptOptions('annex.xlsx');
    expect(options).toMatchObject({
      message: '変更を保存しますか？',
      buttons: ['保存する', '保存しない', 'キャンセル'],
      cancelId: 2,
      defaultId: 0,
      noLink: true,
    });
    expect(options.detail).toContain('「annex.xlsx」');
  });

  it('the title shows the file, a dot when dirty, and the app name', () => {
    expect(documentTitle('annex.xlsx', true)).toBe('annex.xlsx ● - 取組事業一覧エディタ');
    expect(documentTitle('annex.xlsx', false)).toBe('annex.xlsx - 取組事業一覧エディタ');
    expect(documentTitle('', false)).toBe('無題 - 取組事業一覧エディタ');
  });

  it('a failed or cancelled save step is an abandoned save; other channels are not', () => {
    expect(isAbandonedSave('file:save', { ok: false, error: { code: 'io', message: 'x' } })).toBe(true);
    expect(isAbandonedSave('file:choose-save-path', { ok: true, value: { canceled: true } })).toBe(true);
    expect(isAbandonedSave('file:save', { ok: true, value: { path: '/a', name: 'a', mtimeMs: 1 } })).toBe(false);
    expect(isAbandonedSave('autosave:write', { ok: false, error: { code: 'io', message: 'x' } })).toBe(false);
  });
});

describe('CloseGuard', () => {
  it('a clean document closes at once, without asking, and clears this session’s autosave', () => {
    const { guard, log, prompts } = guardWith();
    guard.setDocumentState({ fileName: 'annex.xlsx', dirty: false });
    expect(requestClose(guard)).toBe(false);
    expect(prompts).toEqual([]);
    expect(log).toContain('clear-autosave');
  });

  it('dirty → asks; 保存する → sends save-and-close, then closes once the page reports it clean', async () => {
    const { guard, log, prompts } = guardWith(SAVE);
    guard.setDocumentState({ fileName: 'annex.xlsx', dirty: true });
    expect(requestClose(guard)).toBe(true);
    await settle();
    expect(prompts).toEqual(['annex.xlsx']);
    expect(log.at(-1)).toBe('send:save-and-close');
    expect(guard.waitingForSave).toBe(true);

    guard.setDocumentState({ fileName: 'annex.xlsx', dirty: false });
    expect(log.slice(-2)).toEqual(['state:annex.xlsx - 取組事業一覧エディタ:false', 'close']);
    // The close it triggers goes through without asking again.
    expect(requestClose(guard)).toBe(false);
    expect(prompts).toHaveLength(1);
  });

  it('保存する, then the save fails (the page stays dirty): stays open and a later save does not close', async () => {
    const { guard, log } = guardWith(SAVE);
    guard.setDocumentState({ fileName: 'annex.xlsx', dirty: true });
    requestClose(guard);
    await settle();
    guard.saveAbandoned();
    guard.setDocumentState({ fileName: 'annex.xlsx', dirty: false });
    expect(log).not.toContain('close');
  });

  it('保存する, then the user goes on with another command: a later save does not close', async () => {
    const { guard, log } = guardWith(SAVE);
    guard.setDocumentState({ fileName: 'a.json', dirty: true });
    requestClose(guard);
    await settle();
    guard.commandSent('undo');
    guard.setDocumentState({ fileName: 'a.json', dirty: false });
    expect(log).not.toContain('close');
  });

  it('保存する, then the page reports dirty=true: stays open', async () => {
    const { guard, log } = guardWith(SAVE);
    guard.setDocumentState({ fileName: 'a.json', dirty: true });
    requestClose(guard);
    await settle();
    guard.setDocumentState({ fileName: 'a.json', dirty: true });
    guard.setDocumentState({ fileName: 'a.json', dirty: false });
    expect(log).not.toContain('close');
  });

  it('保存しない → closes without asking again and clears the autosave', async () => {
    const { guard, log, prompts } = guardWith(DONT_SAVE);
    guard.setDocumentState({ fileName: 'a.json', dirty: true });
    expect(requestClose(guard)).toBe(true);
    await settle();
    expect(log.at(-1)).toBe('close');
    // The window's close() fires 'close' again: allowed now, and the autosave is cleared.
    expect(requestClose(guard)).toBe(false);
    expect(log.at(-1)).toBe('clear-autosave');
    expect(prompts).toHaveLength(1);
  });

  it('キャンセル → stays open, and the next close asks again', async () => {
    const { guard, log, prompts } = guardWith(CANCEL, CANCEL);
    guard.setDocumentState({ fileName: 'a.json', dirty: true });
    expect(requestClose(guard)).toBe(true);
    await settle();
    expect(log.filter((entry) => !entry.startsWith('state:'))).toEqual([]);
    expect(requestClose(guard)).toBe(true);
    await settle();
    expect(prompts).toHaveLength(2);
  });

  it('a second close while the prompt is open shows no second prompt', async () => {
    const { guard, prompts } = guardWith(CANCEL);
    guard.setDocumentState({ fileName: 'a.json', dirty: true });
    requestClose(guard);
    expect(requestClose(guard)).toBe(true);
    await settle();
    expect(prompts).toHaveLength(1);
  });
});

describe('attachCloseGuard on a window', () => {
  function attached(response: number) {
    const window = new FakeBrowserWindow({});
    const boxes: MessageBoxOptions[] = [];
    const sent: MenuCommand[] = [];
    let cleared = 0;
    const guard = attachCloseGuard(window as unknown as BrowserWindow, {
      showMessageBox: async (_parent, options) => {
        boxes.push(options);
        return { response };
      },
      sendCommand: (command) => sent.push(command),
      clearAutosave: () => {
        cleared += 1;
      },
    });
    return { window, guard, boxes, sent, cleared: () => cleared };
  }

  it('sets the window title from the document state', () => {
    const { window, guard } = attached(CANCEL);
    guard.setDocumentState({ fileName: '取組事業一覧.xlsx', dirty: true });
    expect(window.title).toBe('取組事業一覧.xlsx ● - 取組事業一覧エディタ');
  });

  it('the window close over unsaved changes asks with the native box; 保存しない closes it', async () => {
    const { window, guard, boxes, cleared } = attached(DONT_SAVE);
    guard.setDocumentState({ fileName: 'a.json', dirty: true });
    window.close();
    expect(window.closed).toBe(false);
    await settle();
    expect(boxes[0]?.message).toBe('変更を保存しますか？');
    expect(window.closed).toBe(true);
    expect(cleared()).toBe(1);
  });

  it('保存する sends save-and-close and the window closes when the page reports clean', async () => {
    const { window, guard, sent } = attached(SAVE);
    guard.setDocumentState({ fileName: 'a.json', dirty: true });
    window.close();
    await settle();
    expect(sent).toEqual(['save-and-close']);
    expect(window.closed).toBe(false);
    guard.setDocumentState({ fileName: 'a.json', dirty: false });
    expect(window.closed).toBe(true);
  });

  it('キャンセル keeps the window open', async () => {
    const { window, guard } = attached(CANCEL);
    guard.setDocumentState({ fileName: 'a.json', dirty: true });
    window.close();
    await settle();
    expect(window.closed).toBe(false);
  });
});
