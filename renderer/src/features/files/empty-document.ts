import type { AnnexDocument } from '../../../../shared/model/annex-document';

/** 新規: the same plan, master and table titles, with no rows, so the structure need not be typed again. */
export function emptyDocumentLike(document: AnnexDocument): AnnexDocument {
  return {
    plan: document.plan,
    masters: document.masters,
    tables: { city: { title: document.tables.city.title, rows: [] }, council: { title: document.tables.council.title, rows: [] } },
    ...(document.settings ? { settings: document.settings } : {}),
  };
}
