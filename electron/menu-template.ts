import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, Settings } from '../shared/ipc/contract';

/** What the menu's items do, injected so the template can be built and clicked in tests. */
export interface MenuActions {
  command(command: MenuCommand): void;
  openRecent(path: string): void;
  showAbout(): void;
}

type Item = MenuItemConstructorOptions;

// Windows and Linux underline the letter after & (ファイル(F)); macOS menus have no mnemonics.
function topLabel(label: string, mnemonic: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? label : `${label}(&${mnemonic})`;
}

// A literal & in a file name would otherwise become a mnemonic and vanish.
function escapeMnemonic(text: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? text : text.replace(/&/g, '&&');
}

/** File names, or the whole path where two recent files share a name. */
export function recentFileLabels(recentFiles: readonly string[]): string[] {
  const names = recentFiles.map((path) => basename(path));
  return recentFiles.map((path, index) =>
    names.filter((name) => name === names[index]).length > 1 ? path : (names[index] ?? path),
  );
}

function recentFilesMenu(recentFiles: readonly string[], platform: NodeJS.Platform, actions: MenuActions): Item[] {
  if (recentFiles.length === 0) return [{ label: '（なし）', enabled: false }];
  const labels = recentFileLabels(recentFiles);
  return recentFiles.map((path, index) => ({
    label: escapeMnemonic(labels[index] ?? path, platform),
    toolTip: path,
    click: () => actions.openRecent(path),
  }));
}

/** The native Japanese menu; pure, so labels, accelerators and clicks can be tested without Electron. */
export function buildMenuTemplate(
  settings: Pick<Settings, 'recentFiles'>,
  isPackaged: boolean,
  platform: NodeJS.Platform,
  actions: MenuActions,
): Item[] {
  const send = (command: MenuCommand) => () => actions.command(command);
  const mac = platform === 'darwin';

  const file: Item = {
    label: topLabel('ファイル', 'F', platform),
    submenu: [
      { label: '新規', accelerator: 'CmdOrCtrl+N', click: send('new') },
      { label: '開く…', accelerator: 'CmdOrCtrl+O', click: send('open') },
      { label: '最近使ったファイル', submenu: recentFilesMenu(settings.recentFiles, platform, actions) },
      { type: 'separator' },
      { label: '上書き保存', accelerator: 'CmdOrCtrl+S', click: send('save') },
      { label: '名前を付けて保存…', accelerator: 'CmdOrCtrl+Shift+S', click: send('save-as') },
      { type: 'separator' },
      { label: '取り込み…', click: send('import') },
      {
        label: '書き出し',
        submenu: [
          { label: 'Excel (.xlsx)…', click: send('export-xlsx') },
          { label: 'JSON…', click: send('export-json') },
        ],
      },
      { type: 'separator' },
      // The yearly collection: a workbook per 課 out, their answers back in.
      { label: '提出用ファイルの作成…', click: send('send-submissions') },
      { label: '提出ファイルの取り込み…', click: send('receive-submissions') },
      { type: 'separator' },
      { label: '印刷…', accelerator: 'CmdOrCtrl+P', click: send('print') },
      // macOS quits from the app menu; elsewhere 終了 ends the file menu. The quit role runs the close guard.
      ...(mac ? [] : ([{ type: 'separator' }, { label: '終了', role: 'quit' }] satisfies Item[])),
    ],
  };

  const edit: Item = {
    label: topLabel('編集', 'E', platform),
    submenu: [
      // Undo and redo go to the document's command history, not the focused text field.
      { label: '元に戻す', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
      { label: 'やり直し', accelerator: 'CmdOrCtrl+Y', click: send('redo') },
      // A menu item carries one accelerator: a hidden twin gives redo its second one.
      {
        label: 'やり直し',
        accelerator: 'CmdOrCtrl+Shift+Z',
        visible: false,
        acceleratorWorksWhenHidden: true,
        click: send('redo'),
      },
      { type: 'separator' },
      { label: '切り取り', role: 'cut' },
      { label: 'コピー', role: 'copy' },
      { label: '貼り付け', role: 'paste' },
      { type: 'separator' },
      { label: '検索…', accelerator: 'CmdOrCtrl+F', click: send('find') },
      // Cmd+H hides the app on macOS, where Find and Replace is Option+Cmd+F.
      { label: '置換…', accelerator: mac ? 'Alt+Cmd+F' : 'CmdOrCtrl+H', click: send('replace') },
    ],
  };

  const view: Item = {
    label: topLabel('表示', 'V', platform),
    submenu: [
      { label: '問題の一覧', accelerator: 'F8', click: send('toggle-problems') },
      { type: 'separator' },
      { label: '拡大', role: 'zoomIn' },
      { label: '縮小', role: 'zoomOut' },
      { label: '等倍', role: 'resetZoom' },
      // No reload item: reloading would drop the unsaved document.
      ...(isPackaged ? [] : ([{ type: 'separator' }, { label: '開発者ツール', role: 'toggleDevTools' }] satisfies Item[])),
    ],
  };

  const help: Item = {
    label: topLabel('ヘルプ', 'H', platform),
    submenu: [{ label: 'バージョン情報', click: () => actions.showAbout() }],
  };

  const appMenu: Item[] = mac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { label: 'バージョン情報', click: () => actions.showAbout() },
            { type: 'separator' },
            { role: 'services', label: 'サービス' },
            { type: 'separator' },
            { role: 'hide', label: '隠す' },
            { role: 'hideOthers', label: 'ほかを隠す' },
            { role: 'unhide', label: 'すべてを表示' },
            { type: 'separator' },
            { role: 'quit', label: '終了' },
          ],
        },
      ]
    : [];

  return [...appMenu, file, edit, view, help];
}
