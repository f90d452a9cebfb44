import { reviewSubmissions } from '../../../shared/submissions/review-submissions';
import { sectionFileName, writeSectionWorkbook } from '../../../shared/submissions/section-workbook';
import { createSendBack } from '../../../shared/submissions/send-back';
import { createSend } from '../../../shared/submissions/send';
import { packedBuffers } from '../../../shared/codec/packed-rows';
import type { DocumentIoResponse, UnpackedRequest } from './document-io-protocol';

/** The collection's work in the file worker: workbooks are written and untrusted answers parsed here, off the UI thread. */

type SubmissionRequest = Extract<UnpackedRequest, { op: 'send' | 'review' | 'send-back' }>;

export async function runSubmissionOp(request: SubmissionRequest): Promise<DocumentIoResponse> {
  const { id, document } = request;
  switch (request.op) {
    case 'send': {
      const send = await createSend(document, request.options);
      const files = [];
      for (const recipient of send.recipients) files.push({ name: sectionFileName(recipient), bytes: await writeSectionWorkbook(document, send, recipient) });
      return { id, op: 'send', sent: { send, files } };
    }
    case 'review':
      return { id, op: 'review', review: await reviewSubmissions(document, request.files) };
    case 'send-back':
      return { id, op: 'send-back', sendBack: await createSendBack(document, request.file, request.options) };
  }
}

function buffersOf(response: DocumentIoResponse): ArrayBufferLike[] {
  switch (response.op) {
    case 'write':
      return [response.bytes.buffer];
    case 'send':
      return response.sent.files.map((file) => file.bytes.buffer);
    case 'send-back':
      return [response.sendBack.bytes.buffer];
    case 'read':
      return response.result.ok ? packedBuffers(response.result.value.document) : [];
    default:
      return [];
  }
}

/** The buffers a response hands over instead of copying; each once, as postMessage refuses a buffer listed twice. */
export const transferables = (response: DocumentIoResponse): Transferable[] =>
  [...new Set(buffersOf(response))].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
