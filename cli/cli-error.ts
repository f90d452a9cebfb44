/** A failure the command line reports in one Japanese line, with the exit code it stands for. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, problems: 1, unreadable: 2 } as const;
