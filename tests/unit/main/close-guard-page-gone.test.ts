import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { attachCloseGuard, CloseGuard, type CloseGuardEffects } from '../../../electron/close-guard';
import { FakeBrowserWindow, preventableEvent } from '../support/electron-mock';

const DONT_SAVE = 1;

function guardWith(...answers: number[]) {
  const log: string[] = [];
  const effects: CloseGuardEffects = {
    askToSave: async () => {
      log.push('ask');
      return answers.shift() ?? 2;
    },
    sendCommand: (command) => log.push(`send:${command}`),
    closeWindow: () => log.push('close'),
    clearAutosave: () => log.push('clear-autosave'),
    showState: () => undefined,
  };
  return { guard: new CloseGuard(effects), log };
}

/** True when the close went through at once (nothing prevented it). */
function closes(guard: CloseGuard): boolean {
  const event = preventableEvent();
  guard.handleClose(event);
  return !event.defaultPrevented;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the page dies with unsaved work (renderer crash or kill)', () => {
  it('the window closes without asking and keeps the autosave for the next start', () => {
    const { guard, log } = guardWith();
    guard.setDocumentState({ fileName: 'a.xlsx', dirty: true });
    expect(guard.pageGone()).toBe(true);
    expect(closes(guard)).toBe(true);
    expect(log).toEqual([]);
  });

  it('while the reloaded page offers the work back (clean), a close still keeps the autosave', () => {
    const { guard, log } = guardWith();
    guard.setDocumentState({ fileName: 'a.xlsx', dirty: true });
    guard.pageGone();
    guard.setDocumentState({ fileName: '組み込みの2024年版', dirty: false });
    expect(closes(guard)).toBe(true);
    expect(log).not.toContain('clear-autosave');
  });

  it('once the page restored the work (dirty again), closing asks as usual, and 保存しない clears the autosave', async () => {
    const { guard, log } = guardWith(DONT_SAVE);
    guard.setDocumentState({ fileName: 'a.xlsx', dirty: true });
    guard.pageGone();
    guard.setDocumentState({ fileName: 'a.xlsx', dirty: true });
    expect(closes(guard)).toBe(false);
    await settle();
    expect(log).toEqual(['ask', 'close']);
    expect(closes(guard)).toBe(true);
    expect(log).toEqual(['ask', 'close', 'clear-autosave']);
  });

  it('a clean page that dies changes nothing about closing', () => {
    const { guard, log } = guardWith();
    guard.setDocumentState({ fileName: 'a.xlsx', dirty: false });
    guard.pageGone();
    expect(closes(guard)).toBe(true);
    expect(log).toEqual(['clear-autosave']);
  });

  it('a page that dies before it came up is not reloaded again (no crash loop)', () => {
    const { guard } = guardWith();
    guard.setDocumentState({ fileName: 'a.xlsx', dirty: true });
    expect(guard.pageGone()).toBe(true);
    expect(guard.pageGone()).toBe(false);
  });
});

describe('attachCloseGuard and render-process-gone', () => {
  function attached() {
    const window = new FakeBrowserWindow({});
    const reload = vi.fn();
    Object.assign(window.webContents, { reload });
    let cleared = 0;
    let prompts = 0;
    const guard = attachCloseGuard(window as unknown as BrowserWindow, {
      // キャンセル, counted.
      showMessageBox: async () => {
        prompts += 1;
        return { response: 2 };
      },
      sendCommand: () => undefined,
      clearAutosave: () => {
        cleared += 1;
      },
    });
    return { window, guard, reload, cleared: () => cleared, prompts: () => prompts };
  }

  it('reloads a crashed page, so it offers the autosaved work at once; closing meanwhile keeps it', () => {
    const { window, guard, reload, cleared, prompts } = attached();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    guard.setDocumentState({ fileName: 'a.xlsx', dirty: true });
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(reload).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
    window.close();
    expect(window.closed).toBe(true);
    expect(prompts()).toBe(0);
    expect(cleared()).toBe(0);
  });

  it('ignores a clean exit of the page process: closing over unsaved work still asks', async () => {
    const { window, guard, reload, prompts } = attached();
    guard.setDocumentState({ fileName: 'a.xlsx', dirty: true });
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(reload).not.toHaveBeenCalled();
    window.close();
    await settle();
    expect(window.closed).toBe(false);
    expect(prompts()).toBe(1);
  });
});
