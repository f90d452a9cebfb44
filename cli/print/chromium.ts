import { existsSync } from 'node:fs';
import { CliError, EXIT } from '../cli-error';

/** Where a Chromium-based browser usually is: Debian's Chromium first, then Chrome and Edge. */
const CANDIDATES: Readonly<Record<string, readonly string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  win32: [
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
};

export const NO_CHROMIUM_MESSAGE =
  'annex pdf: Chromium が見つかりません。Debian・Ubuntu では「sudo apt-get install chromium」で入れてください' +
  '（Windows では Microsoft Edge、macOS では Google Chrome も使えます）。別の場所にあるときは、' +
  '環境変数 CHROMIUM_PATH にその実行ファイルの場所を指定してください';

/** The browser `annex pdf` drives: $CHROMIUM_PATH when set, else the first usual place that exists. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): string {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen) {
    if (!exists(chosen)) throw new CliError(`annex pdf: CHROMIUM_PATH に指定された Chromium が見つかりません（${chosen}）`, EXIT.unreadable);
    return chosen;
  }
  const found = (CANDIDATES[platform] ?? CANDIDATES['linux'] ?? []).find((path) => exists(path));
  if (!found) throw new CliError(NO_CHROMIUM_MESSAGE, EXIT.unreadable);
  return found;
}

/** Headless, no first-run chores, nothing fetched from the network; as root (CI) Chromium runs only without its sandbox. */
export function chromiumArgs(isRoot: boolean = process.getuid?.() === 0): string[] {
  return [...(isRoot ? ['--no-sandbox'] : []), ...CHROMIUM_FLAGS];
}

const CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
] as const;
