import type { Severity } from '../validation/issue';

/** A problem found while reading a workbook, with the place a person can find it in Excel. */
export interface ImportProblem {
  readonly severity: Severity;
  /** Empty when the problem concerns the file as a whole. */
  readonly sheet: string;
  /** A1-style address, such as K12; empty for a whole sheet or file. */
  readonly cell: string;
  readonly message: string;
}

/** 「ファイル名」シート「旭川市」セル K12: what is wrong. */
export function describeImportProblem(problem: ImportProblem, fileName: string): string {
  const place = [
    fileName,
    problem.sheet ? `シート「${problem.sheet}」` : '',
    problem.cell ? `セル ${problem.cell}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${place}: ${problem.message}`;
}
