import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { applyCommand } from '../../../shared/editing/apply-command';
import { execute, isDirty, markSaved, MAX_UNDO_ROW_COPIES, MAX_UNDO_STEPS, redo, redoLabel, startHistory, undo, undoLabel } from '../../../shared/editing/history';
import { makeDocument } from '../support/document-builder';
import type { AnnexRow } from '../../../shared/model/annex-document';

const document = builtinAnnex();
const cityIds = (doc = document): string[] => doc.tables.city.rows.map((row) => row.id);
const newRow = (id: string): AnnexRow => ({ id, departments: ['福祉保険部'], sections: ['福祉保険課'], title: `新しい取組${id}`, summary: '説明。', marks: ['v1-1'] });

describe('applyCommand', () => {
  it('updates cells and keeps every other row as the same object', () => {
    const next = applyCommand(document, {
      type: 'update-cells',
      label: '編集',
      table: 'city',
      changes: [
        { rowId: 'city-02', field: 'title', value: '認知症サポーター養成' },
        { rowId: 'city-02', field: 'sections', value: ['長寿社会課', '障害福祉課'] },
      ],
    });
    expect(next.tables.city.rows[1]).toMatchObject({ title: '認知症サポーター養成', sections: ['長寿社会課', '障害福祉課'] });
    expect(next.tables.city.rows[0]).toBe(document.tables.city.rows[0]);
    expect(next.tables.council).toBe(document.tables.council);
    expect(document.tables.city.rows[1]?.title).toBe('認知症サポーター養成講座の実施');
  });

  it('sets and clears marks, keeping them in column order', () => {
    const set = applyCommand(document, {
      type: 'update-cells',
      label: '○',
      table: 'city',
      changes: [
        { rowId: 'city-03', field: 'mark', markId: 'v4-3', value: true },
        { rowId: 'city-03', field: 'mark', markId: 'v1-2-reoffending', value: true },
        { rowId: 'city-03', field: 'mark', markId: 'v1-1', value: false },
      ],
    });
    expect(set.tables.city.rows[2]?.marks).toEqual(['v1-2-reoffending', 'v4-3']);
  });

  it('returns the same document when nothing changes', () => {
    const same = applyCommand(document, {
      type: 'update-cells',
      label: '○',
      table: 'city',
      changes: [{ rowId: 'city-01', field: 'mark', markId: 'v1-1', value: true }],
    });
    expect(same).toBe(document);
  });

  it('inserts, deletes and moves rows; 通し番号 follow the positions', () => {
    const inserted = applyCommand(document, { type: 'insert-rows', label: '挿入', table: 'city', index: 1, rows: [newRow('n1'), newRow('n2')] });
    expect(cityIds(inserted).slice(0, 4)).toEqual(['city-01', 'n1', 'n2', 'city-02']);
    const deleted = applyCommand(inserted, { type: 'delete-rows', label: '削除', table: 'city', rowIds: ['city-01', 'n2'] });
    expect(cityIds(deleted).slice(0, 2)).toEqual(['n1', 'city-02']);
    expect(deleted.tables.city.rows).toHaveLength(76);
    // Move rows 1 and 2 to before the original row 5: they land between rows 4 and 5.
    const moved = applyCommand(document, { type: 'move-rows', label: '移動', table: 'city', rowIds: ['city-01', 'city-02'], toIndex: 4 });
    expect(cityIds(moved).slice(0, 5)).toEqual(['city-03', 'city-04', 'city-01', 'city-02', 'city-05']);
    const toEnd = applyCommand(document, { type: 'move-rows', label: '移動', table: 'city', rowIds: ['city-10'], toIndex: 76 });
    expect(cityIds(toEnd).at(-1)).toBe('city-10');
    const upward = applyCommand(document, { type: 'move-rows', label: '移動', table: 'city', rowIds: ['city-10'], toIndex: 0 });
    expect(cityIds(upward)[0]).toBe('city-10');
  });
});

describe('history', () => {
  const toggle = { type: 'update-cells', label: '○の切り替え', table: 'city', changes: [{ rowId: 'city-01', field: 'mark', markId: 'v4-3', value: true }] } as const;
  const rename = { type: 'update-cells', label: '主な取組の編集', table: 'city', changes: [{ rowId: 'city-01', field: 'title', value: '周知' }] } as const;

  it('undoes and redoes every step, with labels, and tracks the saved state', () => {
    let history = startHistory(document);
    expect(isDirty(history)).toBe(false);
    history = execute(execute(history, toggle), rename);
    expect(isDirty(history)).toBe(true);
    expect(undoLabel(history)).toBe('主な取組の編集');
    history = undo(history);
    expect(history.present.tables.city.rows[0]?.title).toBe('地域福祉計画の周知');
    expect(history.present.tables.city.rows[0]?.marks).toContain('v4-3');
    expect(redoLabel(history)).toBe('主な取組の編集');
    history = undo(history);
    expect(history.present).toBe(document);
    expect(isDirty(history)).toBe(false);
    history = redo(redo(history));
    expect(history.present.tables.city.rows[0]?.title).toBe('周知');
    history = markSaved(history);
    expect(isDirty(history)).toBe(false);
    expect(isDirty(undo(history))).toBe(true);
  });

  it('drops the redo steps after a new edit, and ignores edits that change nothing', () => {
    let history = execute(startHistory(document), toggle);
    history = execute(undo(history), rename);
    expect(history.future).toEqual([]);
    expect(execute(history, rename)).toBe(history);
    expect(undo(startHistory(document)).present).toBe(document);
  });

  it('keeps at most MAX_UNDO_STEPS steps', () => {
    let history = startHistory(document);
    for (let i = 0; i <= MAX_UNDO_STEPS; i++) {
      history = execute(history, { ...rename, changes: [{ rowId: 'city-01', field: 'title', value: `周知${i}` }] });
    }
    expect(history.past).toHaveLength(MAX_UNDO_STEPS);
  });

  it('keeps fewer steps of a large table, so its copies stay within MAX_UNDO_ROW_COPIES rows', () => {
    const rowCount = 50_000;
    const large = makeDocument({ city: Array.from({ length: rowCount }, () => ({})), council: [{}] });
    const edit = (i: number, table: 'city' | 'council' = 'city') =>
      ({ ...rename, table, changes: [{ rowId: table === 'city' ? `c${(i % rowCount) + 1}` : 'k1', field: 'title', value: `見守り${i}` }] }) as const;
    let history = startHistory(large);
    for (let i = 0; i < 150; i++) history = execute(history, edit(i));
    // Each city edit copies 50,000 row pointers: 100 steps fill the 5,000,000; the oldest kept is before edit 50.
    expect(history.past).toHaveLength(MAX_UNDO_ROW_COPIES / rowCount);
    expect(history.past[0]?.document.tables.city.rows.map((row) => row.title).slice(48, 51)).toEqual(['見守り48', '見守り49', '地域見守り事業51']);
    // An edit of the one-row council table costs one row; the 40 push one more city step out.
    for (let i = 0; i < 40; i++) history = execute(history, edit(i, 'council'));
    expect(history.past).toHaveLength(99 + 40);
    // Undo and redo move steps without losing any.
    for (let i = 0; i < 139; i++) history = undo(history);
    expect(undo(history)).toBe(history);
    expect(history.present.tables.city.rows.map((row) => row.title).slice(49, 52)).toEqual(['見守り49', '見守り50', '地域見守り事業52']);
    for (let i = 0; i < 139; i++) history = redo(history);
    expect(history.present.tables.council.rows[0]?.title).toBe('見守り39');
    expect(history.past).toHaveLength(139);
  });
});

describe('recovered work', () => {
  it('is dirty from the start when it was never saved', () => {
    const history = startHistory(document, null);
    expect(isDirty(history)).toBe(true);
    expect(isDirty(markSaved(history))).toBe(false);
  });
});
