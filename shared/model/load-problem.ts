/** Why a file could not become a document. The first problem is what a one-line message shows. */
export type LoadProblemCode = 'invalid-json' | 'unsupported-version' | 'schema' | 'structure';

export interface LoadProblem {
  readonly code: LoadProblemCode;
  /** Where in the file, as a readable path such as tables.city.rows[3].marks[0]; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** The one line a person reads: the path (when there is one) and what is wrong. */
export function describeLoadProblem(problem: LoadProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}
