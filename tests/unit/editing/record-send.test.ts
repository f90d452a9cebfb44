import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { parseAnnexJson, stringifyAnnexJson } from '../../../shared/codec/annex-json';
import { execute, isDirty, redo, startHistory, undo, undoLabel } from '../../../shared/editing/history';
import { createSend, latestSend } from '../../../shared/submissions/send';

const SENT = { by: 'section', id: 's20250401-aaaa', sentAt: '2025-04-01T00:00:00.000Z' } as const;

describe("'record-send'", () => {
  it('adds the send to the ledger as one undoable step that makes the document dirty, and keeps the rows untouched', async () => {
    const document = builtinAnnex();
    const send = await createSend(document, SENT);
    const history = execute(startHistory(document), { type: 'record-send', label: '提出用ファイルの作成（課ごと）', send });

    expect(history.present.ledger?.sends).toEqual([send]);
    expect(history.present.tables).toBe(document.tables);
    expect(latestSend(history.present, '保健所/健康推進課')?.id).toBe(SENT.id);
    expect(isDirty(history)).toBe(true);
    expect(undoLabel(history)).toBe('提出用ファイルの作成（課ごと）');

    const undone = undo(history);
    expect(undone.present).toBe(document);
    expect(redo(undone).present.ledger?.sends).toEqual([send]);
  });

  it('keeps earlier sends and receipts, and the send survives the JSON form', async () => {
    const first = await createSend(builtinAnnex(), SENT);
    const before = { ...builtinAnnex(), ledger: { sends: [first], receipts: [] } };
    const second = await createSend(before, { by: 'department', id: 's20251001-bbbb', sentAt: '2025-10-01T00:00:00.000Z' });
    const after = execute(startHistory(before), { type: 'record-send', label: '送付', send: second }).present;

    expect(after.ledger?.sends.map((send) => send.id)).toEqual([SENT.id, 's20251001-bbbb']);
    const reread = parseAnnexJson(stringifyAnnexJson(after));
    expect(reread.ok && reread.value.ledger?.sends.map((send) => [send.id, send.by, send.recipients.length])).toEqual([
      [SENT.id, 'section', first.recipients.length],
      ['s20251001-bbbb', 'department', second.recipients.length],
    ]);
  });
});
