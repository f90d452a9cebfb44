import type { ReactNode, Ref } from 'react';
import { TITLE_GAP_MM, type PaperGeometry } from '../../../../shared/print/print-geometry';

/** One sheet of paper at its real size, its margins as padding, the page number centred in the bottom margin. */
export function PrintSheet({
  geometry,
  number,
  children,
  sheetRef,
  label,
}: {
  readonly geometry: PaperGeometry;
  readonly number?: number;
  readonly children: ReactNode;
  readonly sheetRef?: Ref<HTMLElement>;
  /** An accessible name for the sheet (the preview lists them). */
  readonly label?: string;
}) {
  const margins = geometry.marginsMm;
  return (
    <section
      ref={sheetRef}
      className="pv-sheet"
      data-page-number={number}
      aria-label={label}
      style={{
        width: `${geometry.widthMm}mm`,
        height: `${geometry.heightMm}mm`,
        padding: `${margins.top}mm ${margins.right}mm ${margins.bottom}mm ${margins.left}mm`,
        fontSize: `${geometry.fontPt}pt`,
      }}
    >
      {children}
      {number !== undefined && (
        <div
          className="pv-footer"
          data-testid="page-number"
          style={{ bottom: `${Math.max(geometry.marginsMm.bottom / 2 - 2, 2)}mm`, fontSize: `${geometry.footerFontPt}pt` }}
        >
          {number}
        </div>
      )}
    </section>
  );
}

/** The title line above the table, with the gap the geometry allows for. */
export function PrintTitle({ geometry, text }: { readonly geometry: PaperGeometry; readonly text: string }) {
  return (
    <h1 className="pv-title" style={{ fontSize: `${geometry.titleFontPt}pt`, marginBottom: `${TITLE_GAP_MM}mm` }}>
      {text}
    </h1>
  );
}
