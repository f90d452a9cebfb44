import { describe, expect, it } from 'vitest';
import type { AnnexRow } from '../../../shared/model/annex-document';
import { updateRow } from '../../../shared/model/document-edits';
import { createValidator } from '../../../shared/validation/validator';
import { collectGarbageNow } from '../support/collect-garbage';
import { makeDocument } from '../support/document-builder';

describe('edits run in one task', () => {
  it('do not keep every copy of the rows alive until the task ends', () => {
    const rowCount = 20_000;
    const edits = 80;
    let document = makeDocument({ city: Array.from({ length: rowCount }, () => ({})) });
    const validator = createValidator();
    validator.validate(document);
    collectGarbageNow();
    const before = process.memoryUsage().heapUsed;
    // One task, as a batch of edits or a benchmark's loop: a WeakRef made here would hold its target to the end.
    for (let edit = 0; edit < edits; edit++) {
      const row = document.tables.city.rows[edit * 211] as AnnexRow;
      document = updateRow(document, 'city', row.id, (current) => ({ ...current, title: `${current.title}。` }));
      validator.validate(document);
    }
    collectGarbageNow();
    const grownBytes = process.memoryUsage().heapUsed - before;
    // Each copy of the rows is 8 bytes a row: 80 held copies would be 12.8 MB; what stays (the last two copies, kept
    // for undo, and the edited rows) is near 1 MB.
    expect(grownBytes).toBeLessThan(edits * rowCount * 8 * 0.25);
  });
});
