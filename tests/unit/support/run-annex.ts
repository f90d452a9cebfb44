import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './paths';

const run = promisify(execFile);

export interface AnnexOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `annex` command exactly as a user does, through the package's bin script. */
export async function annex(...args: string[]): Promise<AnnexOutcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(projectRoot, 'cli/annex.mjs'), ...args], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (failure) {
    const { code, stdout, stderr } = failure as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}
