import type { CSSProperties } from 'react';
import type { MarkColumn } from '../../../../shared/model/plan';
import { heatShade, type Overview, type OverviewLine } from '../../../../shared/print/overview';
import { OVERVIEW_COLUMNS_EM } from '../../../../shared/print/overview-layout';
import { verticalExtentEm } from '../../../../shared/print/print-geometry';

/** The heat map's colour: the app's blue, darker with more initiatives; white text on the dark end. */
function heatStyle(count: number, max: number): CSSProperties | undefined {
  const shade = heatShade(count, max);
  if (shade === 0) return undefined;
  return { background: `rgb(11 92 173 / ${shade.toFixed(3)})`, color: shade > 0.55 ? '#fff' : '#000' };
}

interface Span {
  readonly key: string;
  readonly text: string;
  readonly span: number;
  readonly startsVision: boolean;
}

/** Consecutive mark columns that share a key, as one header cell. */
function spans(columns: readonly MarkColumn[], keyOf: (column: MarkColumn) => string, textOf: (column: MarkColumn) => string): Span[] {
  const result: Span[] = [];
  columns.forEach((column, index) => {
    const key = keyOf(column);
    const last = result.at(-1);
    if (last && last.key === key) result[result.length - 1] = { ...last, span: last.span + 1 };
    else result.push({ key, text: textOf(column), span: 1, startsVision: index === 0 || columns[index - 1]?.visionIndex !== column.visionIndex });
  });
  return result;
}

/**
 * Initiatives per 部 (rows) and per mark column (columns): the count of initiatives of that 部 with a ○
 * there, shaded by count. The same table prints on the overview page and shows in the app's tab.
 */
export function OverviewMatrix({ overview, lines }: { readonly overview: Overview; readonly lines: readonly OverviewLine[] }) {
  const { columns, max } = overview;
  const visions = spans(columns, (column) => column.vision.id, (column) => column.vision.label);
  const concepts = spans(columns, (column) => column.concept.id, (column) => column.concept.label);
  const startsVision = (index: number): boolean => index === 0 || columns[index - 1]?.visionIndex !== columns[index]?.visionIndex;
  const longest = Math.max(1, ...columns.map((column) => verticalExtentEm(column.title)));
  const width = OVERVIEW_COLUMNS_EM.label + OVERVIEW_COLUMNS_EM.initiatives + OVERVIEW_COLUMNS_EM.mark * columns.length;
  return (
    <table className="ov-table" data-testid="overview-matrix" style={{ width: `${width}em` }}>
      <colgroup>
        <col style={{ width: `${OVERVIEW_COLUMNS_EM.label}em` }} />
        <col style={{ width: `${OVERVIEW_COLUMNS_EM.initiatives}em` }} />
        {columns.map((column) => (
          <col key={column.id} style={{ width: `${OVERVIEW_COLUMNS_EM.mark}em` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th rowSpan={3} className="ov-label">
            部
          </th>
          <th rowSpan={3}>取組数</th>
          {visions.map((vision) => (
            <th key={vision.key} colSpan={vision.span} className="pv-vision-start">
              {vision.text}
            </th>
          ))}
        </tr>
        <tr>
          {concepts.map((concept) => (
            <th key={concept.key} colSpan={concept.span} className={concept.startsVision ? 'pv-vision-start' : undefined}>
              {concept.text}
            </th>
          ))}
        </tr>
        <tr>
          {columns.map((column, index) => (
            <th key={column.id} className={startsVision(index) ? 'pv-vision-start' : undefined} title={column.title}>
              <div className="pv-vertical" style={{ height: `${longest}em` }}>
                {column.title}
              </div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key} className={line.kind === 'department' ? undefined : `ov-${line.kind}`} data-overview-line={line.label}>
            <td className="ov-label" title={line.label}>
              {line.label}
            </td>
            <td className="ov-initiatives">{line.initiatives}</td>
            {line.counts.map((count, index) => (
              <td
                key={columns[index]?.id ?? index}
                className={startsVision(index) ? 'ov-count pv-vision-start' : 'ov-count'}
                style={line.kind === 'total' ? undefined : heatStyle(count, max)}
              >
                {count > 0 ? count : ''}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
