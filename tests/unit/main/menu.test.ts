import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyApplicationMenu } from '../../../electron/menu';
import { buildMenuTemplate, recentFileLabels, type MenuActions } from '../../../electron/menu-template';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/ipc/contract';
import { fakeMenu, resetFakeElectron } from '../support/electron-mock';

vi.mock('electron', async () => (await import('../support/electron-mock')).electronModule);

type Item = MenuItemConstructorOptions;

function recordingActions() {
  const log: string[] = [];
  const actions: MenuActions = {
    command: (command: MenuCommand) => log.push(`command:${command}`),
    openRecent: (path) => log.push(`recent:${path}`),
    showAbout: () => log.push('about'),
  };
  return { actions, log };
}

const submenu = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : []);
const byLabel = (items: Item[], label: string): Item | undefined => items.find((item) => item.label === label);
const click = (item: Item | undefined) => (item?.click as (() => void) | undefined)?.();

function template(options: { recent?: string[]; packaged?: boolean; platform?: NodeJS.Platform } = {}) {
  const { actions, log } = recordingActions();
  const menu = buildMenuTemplate(
    { recentFiles: options.recent ?? [] },
    options.packaged ?? false,
    options.platform ?? 'win32',
    actions,
  );
  return { menu, log };
}

/** Every item with a label, depth first, with its accelerator. */
function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...flatten(submenu(item))]);
}

beforeEach(() => resetFakeElectron());

describe('the native menu (Windows)', () => {
  it('has the four Japanese menus with their mnemonics', () => {
    expect(template().menu.map((item) => item.label)).toEqual(['ファイル(&F)', '編集(&E)', '表示(&V)', 'ヘルプ(&H)']);
  });

  it.each([
    ['ファイル(&F)', '新規', 'CmdOrCtrl+N', 'new'],
    ['ファイル(&F)', '開く…', 'CmdOrCtrl+O', 'open'],
    ['ファイル(&F)', '上書き保存', 'CmdOrCtrl+S', 'save'],
    ['ファイル(&F)', '名前を付けて保存…', 'CmdOrCtrl+Shift+S', 'save-as'],
    ['ファイル(&F)', '取り込み…', undefined, 'import'],
    ['ファイル(&F)', '印刷…', 'CmdOrCtrl+P', 'print'],
    ['編集(&E)', '元に戻す', 'CmdOrCtrl+Z', 'undo'],
    ['編集(&E)', 'やり直し', 'CmdOrCtrl+Y', 'redo'],
    ['編集(&E)', '検索…', 'CmdOrCtrl+F', 'find'],
    ['編集(&E)', '置換…', 'CmdOrCtrl+H', 'replace'],
    ['表示(&V)', '問題の一覧', 'F8', 'toggle-problems'],
  ] as const)('%s › %s has %s and sends %s', (top, label, accelerator, command) => {
    const { menu, log } = template();
    const item = byLabel(submenu(byLabel(menu, top)), label);
    expect(item?.accelerator).toBe(accelerator);
    click(item);
    expect(log).toEqual([`command:${command}`]);
  });

  it('gives やり直し its second accelerator through a hidden twin', () => {
    const { menu, log } = template();
    const redo = submenu(byLabel(menu, '編集(&E)')).filter((item) => item.label === 'やり直し');
    expect(redo.map((item) => [item.accelerator, item.visible ?? true])).toEqual([
      ['CmdOrCtrl+Y', true],
      ['CmdOrCtrl+Shift+Z', false],
    ]);
    click(redo[1]);
    expect(log).toEqual(['command:redo']);
  });

  it('書き出し offers Excel and JSON', () => {
    const { menu, log } = template();
    const exportMenu = submenu(byLabel(submenu(byLabel(menu, 'ファイル(&F)')), '書き出し'));
    expect(exportMenu.map((item) => item.label)).toEqual(['Excel (.xlsx)…', 'JSON…']);
    exportMenu.forEach(click);
    expect(log).toEqual(['command:export-xlsx', 'command:export-json']);
  });

  it('cut, copy, paste, zoom and quit use Electron roles with Japanese labels', () => {
    const items = flatten(template().menu);
    const roles = Object.fromEntries(items.filter((item) => item.role).map((item) => [item.label, item.role]));
    expect(roles).toMatchObject({
      切り取り: 'cut',
      コピー: 'copy',
      貼り付け: 'paste',
      拡大: 'zoomIn',
      縮小: 'zoomOut',
      等倍: 'resetZoom',
      終了: 'quit',
    });
  });

  it('lists the recent files; clicking one sends its path', () => {
    const recent = ['C:\\計画\\annex.xlsx', 'D:\\共有\\R&D.json'];
    const { menu, log } = template({ recent });
    const items = submenu(byLabel(submenu(byLabel(menu, 'ファイル(&F)')), '最近使ったファイル'));
    // A literal & is doubled so Windows does not take it for a mnemonic.
    expect(items.map((item) => item.label)).toEqual(recentFileLabels(recent).map((label) => label.replace('&', '&&')));
    items.forEach(click);
    expect(log).toEqual(recent.map((path) => `recent:${path}`));
  });

  it('shows （なし） when there are no recent files, and whole paths when names repeat', () => {
    const items = submenu(byLabel(submenu(byLabel(template().menu, 'ファイル(&F)')), '最近使ったファイル'));
    expect(items).toEqual([{ label: '（なし）', enabled: false }]);
    expect(recentFileLabels(['/a/annex.json', '/b/annex.json', '/b/other.json'])).toEqual([
      '/a/annex.json',
      '/b/annex.json',
      'other.json',
    ]);
  });

  it('has 開発者ツール only when not packaged, and never a reload that would drop the document', () => {
    const dev = flatten(template({ packaged: false }).menu);
    const packaged = flatten(template({ packaged: true }).menu);
    expect(dev.some((item) => item.role === 'toggleDevTools' && item.label === '開発者ツール')).toBe(true);
    expect(packaged.some((item) => item.role === 'toggleDevTools')).toBe(false);
    for (const items of [dev, packaged]) {
      expect(items.some((item) => item.role === 'reload' || item.role === 'forceReload')).toBe(false);
    }
  });

  it('ヘルプ › バージョン情報 shows the about box', () => {
    const { menu, log } = template();
    click(byLabel(submenu(byLabel(menu, 'ヘルプ(&H)')), 'バージョン情報'));
    expect(log).toEqual(['about']);
  });

  it('sends every menu command except save-and-close (which only the close guard sends)', () => {
    const { menu, log } = template();
    flatten(menu).filter((item) => !item.role && item.click).forEach(click);
    const sent = new Set(log.filter((entry) => entry.startsWith('command:')).map((entry) => entry.slice(8)));
    expect([...sent].sort()).toEqual(MENU_COMMANDS.filter((command) => command !== 'save-and-close').sort());
  });
});

describe('the native menu (macOS)', () => {
  it('has the app menu first, no mnemonics, quit there, and Option+Cmd+F for 置換 (Cmd+H hides)', () => {
    const { menu } = template({ platform: 'darwin' });
    expect(menu.map((item) => item.label ?? item.role)).toEqual(['appMenu', 'ファイル', '編集', '表示', 'ヘルプ']);
    expect(submenu(menu[1]).some((item) => item.role === 'quit')).toBe(false);
    expect(submenu(menu[0]).some((item) => item.role === 'quit')).toBe(true);
    expect(byLabel(submenu(byLabel(menu, '編集')), '置換…')?.accelerator).toBe('Alt+Cmd+F');
  });
});

describe('applyApplicationMenu', () => {
  it('builds the template and installs it as the application menu', () => {
    const { actions } = recordingActions();
    applyApplicationMenu({ recentFiles: ['/d/a.json'] }, true, actions, 'linux');
    const installed = fakeMenu.applied?.template ?? [];
    expect(installed.map((item) => item.label)).toEqual(['ファイル(&F)', '編集(&E)', '表示(&V)', 'ヘルプ(&H)']);
    expect(JSON.stringify(installed)).toContain('a.json');
  });
});
