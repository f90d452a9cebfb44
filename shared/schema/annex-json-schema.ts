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

export const annexJsonSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  provenance: provenanceSchema.optional(),
  settings: settingsSchema.optional(),
  plan: planSchema,
  masters: mastersSchema,
  tables: z.strictObject({ city: tableSchema, council: tableSchema }),
});

export type AnnexJson = z.infer<typeof annexJsonSchema>;
