import { useEffect } from 'react';
import type { MenuCommand } from '../../../../shared/ipc/contract';
import { isTextEntry } from './text-entry';

const SHORTCUTS: ReadonlyArray<{ key: string; ctrl: boolean; shift?: boolean; command: MenuCommand }> = [
  { key: 'n', ctrl: true, command: 'new' },
  { key: 'o', ctrl: true, command: 'open' },
  { key: 's', ctrl: true, command: 'save' },
  { key: 's', ctrl: true, shift: true, command: 'save-as' },
  { key: 'z', ctrl: true, command: 'undo' },
  { key: 'y', ctrl: true, command: 'redo' },
  { key: 'z', ctrl: true, shift: true, command: 'redo' },
  { key: 'f', ctrl: true, command: 'find' },
  { key: 'h', ctrl: true, command: 'replace' },
  { key: 'p', ctrl: true, command: 'print' },
  { key: 'F8', ctrl: false, command: 'toggle-problems' },
];


/**
 * The menu's accelerators where there is no native menu (the browser build). Inside a text field the
 * field keeps its own undo and typing.
 */
export function useShortcuts(enabled: boolean, run: (command: MenuCommand) => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      const ctrl = event.ctrlKey || event.metaKey;
      const shortcut = SHORTCUTS.find(
        (candidate) =>
          candidate.ctrl === ctrl &&
          Boolean(candidate.shift) === event.shiftKey &&
          candidate.key.toLowerCase() === event.key.toLowerCase(),
      );
      if (!shortcut || event.isComposing) return;
      if ((shortcut.command === 'undo' || shortcut.command === 'redo') && isTextEntry(event.target)) return;
      event.preventDefault();
      run(shortcut.command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, run]);
}
