import type { TableKind } from './annex-document';

/** The Japanese names the UI, the messages and the workbook use for each table. */
export const TABLE_LABELS: Record<TableKind, string> = {
  city: '旭川市',
  council: '社会福祉協議会',
};

/** Fixed labels of the header band, the same in every plan. */
export const HEADER_LABELS = {
  philosophy: '基本理念',
  concepts: '基本的な考え方',
  number: '通し番号',
  departments: '部',
  sections: '課',
  title: '主な取組',
  summary: '取組概要',
} as const;
