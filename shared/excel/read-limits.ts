/** Sizes far beyond any annex: past them a file is refused before it can exhaust memory or time. */
export const READ_LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  zipTotalBytes: 200 * 1024 * 1024,
  zipEntryBytes: 100 * 1024 * 1024,
  zipEntries: 10_000,
  // A ratio this high is normal for tiny repetitive parts; only on a large entry is it a bomb.
  zipRatio: 200,
  zipRatioMinBytes: 10 * 1024 * 1024,
  rows: 200_000,
  sheets: 1_000,
  // Cells a merged area may spread over; the 2024 annex needs a few hundred.
  mergedCells: 2_000_000,
  // Cells SheetJS would make (an ODS's repeat counts spread): a 10,000-row annex has some 250,000.
  cells: 2_000_000,
  // Array formulas over several cells: SheetJS compares every cell with each of them, so their count squares.
  arrayFormulas: 5_000,
  // Header bands: a workbook made from the PDF repeats one per printed page (the 2024 annex has 15).
  headerBlocks: 1_000,
} as const;

/** 12.3 MB: sizes in messages, rounded up so a refused size never reads as the limit itself. */
export function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toLocaleString('ja-JP')} MB`;
}
