import type { ReactNode } from 'react';
import type { PaperGeometry } from '../../../../shared/print/print-geometry';

const PX_PER_MM = 96 / 25.4;

export const sheetSizePx = (geometry: PaperGeometry): { width: number; height: number } => ({
  width: geometry.widthMm * PX_PER_MM,
  height: geometry.heightMm * PX_PER_MM,
});

/** A sheet drawn at its real size and shown scaled: the preview sees exactly what prints. */
export function ScaledSheet({ geometry, scale, children }: { readonly geometry: PaperGeometry; readonly scale: number; readonly children: ReactNode }) {
  const { width, height } = sheetSizePx(geometry);
  return (
    <div className="scaled-sheet" style={{ width: `${width * scale}px`, height: `${height * scale}px` }}>
      <div style={{ width: `${width}px`, height: `${height}px`, transform: `scale(${scale})`, transformOrigin: '0 0' }}>{children}</div>
    </div>
  );
}
