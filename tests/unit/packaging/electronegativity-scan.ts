import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';

// Electronegativity's programmatic entry (dist/runner.js): run(options) resolves to the findings when not in CLI mode.
const require = createRequire(import.meta.url);
const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');

export interface Finding {
  readonly id: string;
  readonly severity: string;
  readonly confidence: string;
  /** Relative to the scanned folder, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly manualReview: boolean;
  readonly description: string;
}

export interface ScanResult {
  readonly findings: Finding[];
  /** Files it could not parse (a finding in them would go unseen). */
  readonly errors: { readonly file: string; readonly message: string }[];
}

interface RawIssue {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number };
  manualReview?: boolean;
  description: string;
}

type Runner = (
  options: Record<string, unknown>,
  forCli: boolean,
) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

let blockedRequests = 0;

/** How many network requests of the scanner the offline stub has answered (it asks for translations every run). */
export const blockedNetworkRequests = (): number => blockedRequests;

/**
 * It fetches translations and Electron's release list over the network (got): hand those modules a `got`
 * that fails at once, so the scan is offline and the same every run.
 */
function keepOffline(): void {
  const offlineGot = () => {
    blockedRequests += 1;
    return Promise.reject(new Error('offline: electronegativity runs without network here'));
  };
  const users = ['locales/i18n.js', 'finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js'];
  for (const user of users) {
    const gotPath = createRequire(join(dirname(runnerPath), user)).resolve('got');
    const stub = new Module(gotPath);
    stub.filename = gotPath;
    stub.loaded = true;
    stub.exports = offlineGot;
    require.cache[gotPath] = stub;
  }
}

/** Scans a folder with every check except the one that needs Electron's release list from GitHub. */
export async function scanWithElectronegativity(input: string, electronVersion: string): Promise<ScanResult> {
  keepOffline();
  const run = require(runnerPath) as Runner;
  // Its only console output here is "could not retrieve updated translations", the offline stub's doing.
  const log = console.log;
  console.log = () => {};
  try {
    const result = await run(
      {
        input,
        customScan: [],
        excludeFromScan: ['availablesecurityfixesglobalcheck'],
        electronVersionOverride: electronVersion,
        parserPlugins: [],
        isRelative: true,
      },
      false,
    );
    return {
      findings: result.issues.map((issue) => ({
        id: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: issue.file.replaceAll('\\', '/'),
        line: issue.location.line,
        manualReview: issue.manualReview ?? false,
        description: issue.description,
      })),
      errors: result.errors.filter((error) => !error.tolerable).map(({ file, message }) => ({ file, message })),
    };
  } finally {
    console.log = log;
  }
}
