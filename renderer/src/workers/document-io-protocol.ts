import type { ReadOptions } from '../../../shared/codec/document-formats';
import type { FormatId } from '../../../shared/codec/format-table';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import type { PackedDocument } from '../../../shared/codec/packed-rows';
import type { Result } from '../../../shared/result';
import type { MergeReview } from '../../../shared/submissions/merge-review';
import type { SubmissionFile } from '../../../shared/submissions/review-submissions';
import type { SendBack, SendBackOptions } from '../../../shared/submissions/send-back';
import type { SendOptions } from '../../../shared/submissions/send';
import type { LedgerSend } from '../../../shared/model/ledger';
import type { FileReview } from '../../../shared/submissions/merge-review';

/** A send's record and its workbooks, one per addressee, named as the core names them. */
export interface SentWorkbooks {
  readonly send: LedgerSend;
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
}

/** A read's result with the document's rows packed (see packed-rows.ts): a large document crosses in milliseconds. */
export type PackedReadResult = Result<{ readonly document: PackedDocument; readonly warnings: readonly string[] }, readonly string[]>;

/**
 * Messages between the renderer and the worker that reads and writes files, off the UI thread. `D` is the
 * document as it travels: packed (packed-rows.ts), since structured clone of 50,000 rows holds the window
 * ~145 ms on every autosave, packing and sending them ~30 ms.
 */
type Requests<D> =
  | { readonly id: number; readonly op: 'read'; readonly bytes: Uint8Array; readonly options: ReadOptions }
  | { readonly id: number; readonly op: 'write'; readonly document: D; readonly format: FormatId }
  | { readonly id: number; readonly op: 'json-text'; readonly document: D }
  | { readonly id: number; readonly op: 'send'; readonly document: D; readonly options: SendOptions }
  | { readonly id: number; readonly op: 'review'; readonly document: D; readonly files: readonly SubmissionFile[] }
  | { readonly id: number; readonly op: 'send-back'; readonly document: D; readonly file: FileReview; readonly options: SendBackOptions };

export type DocumentIoRequest = Requests<PackedDocument>;

/** A request as the worker handles it, its document unpacked. */
export type UnpackedRequest = Requests<AnnexDocument>;

export type DocumentIoResponse =
  | { readonly id: number; readonly op: 'read'; readonly result: PackedReadResult }
  | { readonly id: number; readonly op: 'write'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly op: 'json-text'; readonly text: string }
  | { readonly id: number; readonly op: 'send'; readonly sent: SentWorkbooks }
  | { readonly id: number; readonly op: 'review'; readonly review: MergeReview }
  | { readonly id: number; readonly op: 'send-back'; readonly sendBack: SendBack }
  | { readonly id: number; readonly op: 'failed'; readonly message: string };

/** Sent by the worker when it starts on a request, so the window can show what is running. */
export interface DocumentIoStarted {
  readonly id: number;
  readonly op: 'started';
}

export type DocumentIoMessage = DocumentIoResponse | DocumentIoStarted;
