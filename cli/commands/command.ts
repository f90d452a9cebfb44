export type OutputFormat = 'text' | 'json';

/** What a command prints on stdout and how the process ends. */
export interface CommandResult {
  readonly output: string;
  readonly exitCode: number;
}
