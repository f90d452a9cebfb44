import { z } from 'zod';

/** The current version of the public JSON form. Older versions are migrated on load. */
export const CURRENT_SCHEMA_VERSION = 1;

const text = z.string();
const nonEmptyText = z.string().min(1);
const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'ID は英数字・ハイフン・下線・ピリオドで書いてください');

export const subColumnSchema = z.strictObject({ id, title: nonEmptyText });

export const conceptSchema = z.strictObject({
  id,
  label: nonEmptyText,
  title: nonEmptyText,
  subColumns: z.array(subColumnSchema).min(1).optional(),
});

export const visionSchema = z.strictObject({
  id,
  label: nonEmptyText,
  title: nonEmptyText,
  concepts: z.array(conceptSchema).min(1),
});

export const planSchema = z.strictObject({
  title: nonEmptyText,
  edition: text,
  year: z.number().int().min(1900).max(2999),
  annexTitle: text,
  philosophy: text,
  visions: z.array(visionSchema).min(1),
});

export const departmentSchema = z.strictObject({
  name: nonEmptyText,
  sections: z.array(nonEmptyText),
});

export const mastersSchema = z.strictObject({ departments: z.array(departmentSchema) });

export const rowSchema = z.strictObject({
  id,
  departments: z.array(text),
  sections: z.array(text),
  title: text,
  summary: text,
  marks: z.array(id),
});

// Far beyond any annex; keeps a hostile file from exhausting memory in later stages.
export const MAX_ROWS_PER_TABLE = 200_000;

export const tableSchema = z.strictObject({
  title: text,
  rows: z.array(rowSchema).max(MAX_ROWS_PER_TABLE),
});

export const provenanceSchema = z.strictObject({
  source: text,
  reconstructed: z.array(text),
  notes: z.array(text),
});

export const settingsSchema = z.strictObject({ paperSize: z.enum(['A3', 'A4']) });

const tableKind = z.enum(['city', 'council']);

export const sentRowSchema = z.strictObject({ number: z.number().int().min(1), row: rowSchema });

export const ledgerRecipientSchema = z.strictObject({
  key: nonEmptyText,
  department: text,
  section: text,
  table: tableKind,
  rowsHash: text,
  rows: z.array(sentRowSchema),
});

export const ledgerSendSchema = z.strictObject({
  id,
  sentAt: nonEmptyText,
  by: z.enum(['section', 'department']),
  recipients: z.array(ledgerRecipientSchema),
});

export const appliedChangeSchema = z.strictObject({
  table: tableKind,
  rowId: id,
  kind: z.enum(['changed', 'added', 'deleted']),
  fields: z.array(text),
});

export const ledgerReceiptSchema = z.strictObject({
  fileName: text,
  fileHash: nonEmptyText,
  receivedAt: nonEmptyText,
  sendId: text,
  recipient: text,
  applied: z.array(appliedChangeSchema),
});

// Optional, and each list defaults to empty: files written before the ledger existed load unchanged.
export const ledgerSchema = z.strictObject({
  sends: z.array(ledgerSendSchema).default([]),
  receipts: z.array(ledgerReceiptSchema).default([]),
});

export const annexJsonSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  provenance: provenanceSchema.optional(),
  settings: settingsSchema.optional(),
  plan: planSchema,
  masters: mastersSchema,
  tables: z.strictObject({ city: tableSchema, council: tableSchema }),
  ledger: ledgerSchema.optional(),
});

export type AnnexJson = z.infer<typeof annexJsonSchema>;
