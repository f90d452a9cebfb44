import type { FormatId, ReadOptions, ReadResult } from '../../../shared/codec/document-formats';
import type { AnnexDocument } from '../../../shared/model/annex-document';

/** Messages between the renderer and the worker that reads and writes files, off the UI thread. */
export type DocumentIoRequest =
  | { readonly id: number; readonly op: 'read'; readonly bytes: Uint8Array; readonly options: ReadOptions }
  | { readonly id: number; readonly op: 'write'; readonly document: AnnexDocument; readonly format: FormatId };

export type DocumentIoResponse =
  | { readonly id: number; readonly op: 'read'; readonly result: ReadResult }
  | { readonly id: number; readonly op: 'write'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly op: 'failed'; readonly message: string };

/** Sent by the worker when it starts on a request, so the window can show what is running. */
export interface DocumentIoStarted {
  readonly id: number;
  readonly op: 'started';
}

export type DocumentIoMessage = DocumentIoResponse | DocumentIoStarted;
