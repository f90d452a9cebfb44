import { z } from 'zod';
import { DEFAULT_SETTINGS, TABLE_KINDS, type AnnexDocument, type PaperSize, type TableKind } from '../model/annex-document';

/**
 * What to print: which tables, on which paper, from which page number, and whether the overview page
 * (initiatives per concept and per 部) follows the tables. The same options drive the app's preview,
 * the PDF the app exports and `annex pdf`.
 */
export const MAX_START_PAGE = 9999;

export const PAPER_SIZES = ['A3', 'A4'] as const satisfies readonly PaperSize[];

export const printOptionsSchema = z.strictObject({
  tables: z.array(z.enum(TABLE_KINDS)).min(1).max(TABLE_KINDS.length),
  paper: z.enum(PAPER_SIZES),
  startPage: z.number().int().min(1).max(MAX_START_PAGE),
  overview: z.boolean(),
});
export type PrintOptions = z.infer<typeof printOptionsSchema>;

/** Both tables on the document's paper, numbered from 1, without the overview. */
export function defaultPrintOptions(document: AnnexDocument): PrintOptions {
  return { tables: [...TABLE_KINDS], paper: document.settings?.paperSize ?? DEFAULT_SETTINGS.paperSize, startPage: 1, overview: false };
}

/** The chosen tables in print order (city first), each once. */
export function tablesInPrintOrder(tables: readonly TableKind[]): TableKind[] {
  return TABLE_KINDS.filter((table) => tables.includes(table));
}

/** What the print page reports once it has laid out every page. */
export const printSummarySchema = z.strictObject({
  pages: z.number().int().min(0),
  parts: z.array(
    z.strictObject({
      part: z.enum([...TABLE_KINDS, 'overview']),
      firstPage: z.number().int(),
      pages: z.number().int().min(0),
    }),
  ),
  /** Rows taller than a page: printed alone on a page and cut at its foot. */
  oversizeRows: z.array(z.strictObject({ table: z.enum(TABLE_KINDS), number: z.number().int().min(1) })),
});
export type PrintSummary = z.infer<typeof printSummarySchema>;

/** What the print page's `annexPrint.render(documentJson, options)` resolves to: a refused document is a message. */
export const printRenderResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), summary: printSummarySchema }),
  z.strictObject({ ok: z.literal(false), message: z.string().max(2000) }),
]);
export type PrintRenderResult = z.infer<typeof printRenderResultSchema>;
