/**
 * The file formats by name and extension only. The window's bundle needs this table to choose a format, and
 * must not carry the readers and writers (SheetJS, the workbook writer) that only the worker runs.
 */
export type FormatId = 'json' | 'xlsx' | 'xls' | 'ods' | 'csv';

export interface FormatInfo {
  readonly id: FormatId;
  readonly label: string;
  readonly extensions: readonly string[];
  readonly writable: boolean;
}

export const FORMATS: readonly FormatInfo[] = [
  { id: 'json', label: 'JSON', extensions: ['.json'], writable: true },
  { id: 'xlsx', label: 'Excel ブック', extensions: ['.xlsx'], writable: true },
  { id: 'xls', label: 'Excel 97-2003 ブック', extensions: ['.xls'], writable: false },
  { id: 'ods', label: 'OpenDocument スプレッドシート', extensions: ['.ods'], writable: false },
  { id: 'csv', label: 'CSV', extensions: ['.csv'], writable: false },
];

export function formatForPath(path: string): FormatInfo | undefined {
  const lower = path.toLowerCase();
  return FORMATS.find((format) => format.extensions.some((extension) => lower.endsWith(extension)));
}

// Every format can be read; only some written.
export const readableExtensions = (): string[] => FORMATS.flatMap((format) => [...format.extensions]);
export const writableExtensions = (): string[] => FORMATS.filter((format) => format.writable).flatMap((format) => [...format.extensions]);
