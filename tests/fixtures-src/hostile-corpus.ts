/**
 * The hostile corpus: broken, malicious and merely wrong files, each made by script when a test asks for its bytes
 * (nothing checked in), with what the importer must make of it. The cases live in three lists: containers and sizes
 * (hostile-corpus-containers.ts), what the parts hold (hostile-corpus-content.ts) and the annex with wrong
 * cells (hostile-corpus-cells.ts).
 */
import type { AnnexDocument } from '../../shared/model/annex-document';
import { cellCases } from './hostile-corpus-cells';
import { containerCases } from './hostile-corpus-containers';
import { contentCases } from './hostile-corpus-content';

export interface HostileCase {
  readonly name: string;
  readonly fileName: string;
  /** Made on demand: some cases are megabytes that inflate to gigabytes. */
  readonly bytes: () => Uint8Array;
  /** error: refused; ok-with-warnings: read, with something to say; ok: read as the annex, with nothing to say. */
  readonly expected: 'error' | 'ok-with-warnings' | 'ok';
  /** Texts some message (or, for the cells case, each) must contain: the cause, the sheet, the cell. */
  readonly messageIncludes?: readonly string[];
  /** The document read must be the open one (row ids aside). */
  readonly readsAsBase?: boolean;
}

export function* hostileCorpus(base: AnnexDocument): Generator<HostileCase> {
  yield* containerCases(base);
  yield* contentCases(base);
  yield* cellCases(base);
}
