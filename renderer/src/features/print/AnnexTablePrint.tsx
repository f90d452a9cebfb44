import type { AnnexRow } from '../../../../shared/model/annex-document';
import type { BandCell, PrintColumn, TablePrintLayout } from '../../../../shared/print/print-geometry';

/** 部 and 課 print one value a line, joined by 「・」 as the printed annex does. */
const listText = (values: readonly string[]): string => values.join('・\n');

function bandClass(band: BandCell): string {
  return [`pv-band-${band.cell.role}`, band.startsVision ? 'pv-vision-start' : '', band.verticalEm !== undefined ? 'pv-band-vertical' : '']
    .filter(Boolean)
    .join(' ');
}

/** The header band: the sheet layout's merged cells as table cells, repeated on every page. */
export function HeaderBand({ layout }: { readonly layout: TablePrintLayout }) {
  const rows = Array.from({ length: layout.bandRowCount }, (_, index) => layout.bandCells.filter((band) => band.row === index));
  return (
    <thead>
      {rows.map((cells, index) => (
        <tr key={index}>
          {cells.map((band) => (
            <th key={`${band.row}:${band.column}`} rowSpan={band.rowSpan} colSpan={band.colSpan} className={bandClass(band)}>
              {band.verticalEm !== undefined ? (
                <div className="pv-vertical" style={{ height: `${band.verticalEm}em` }}>
                  {band.cell.text}
                </div>
              ) : (
                band.cell.text
              )}
            </th>
          ))}
        </tr>
      ))}
    </thead>
  );
}

function RowCell({ column, row, number }: { readonly column: PrintColumn; readonly row: AnnexRow; readonly number: number }) {
  switch (column.key) {
    case 'number':
      return <td className="pv-number">{number}</td>;
    case 'departments':
      return <td className="pv-list">{listText(row.departments)}</td>;
    case 'sections':
      return <td className="pv-list">{listText(row.sections)}</td>;
    case 'title':
      return <td className="pv-text">{row.title}</td>;
    case 'summary':
      return <td className="pv-text">{row.summary}</td>;
    case 'mark': {
      const marked = column.mark !== undefined && row.marks.includes(column.mark.mark.id);
      return <td className={column.startsVision ? 'pv-mark pv-vision-start' : 'pv-mark'}>{marked ? '○' : ''}</td>;
    }
  }
}

/** A table of the annex as printed: widths, band and rows; `firstNumber` is the first row's 通し番号. */
export function AnnexTablePrint({
  layout,
  rows,
  firstNumber,
}: {
  readonly layout: TablePrintLayout;
  readonly rows: readonly AnnexRow[];
  readonly firstNumber: number;
}) {
  return (
    <table className="pv-table" style={{ width: `${layout.tableWidthPt}pt` }}>
      <colgroup>
        {layout.columns.map((column, index) => (
          <col key={index} style={{ width: `${column.widthPt}pt` }} />
        ))}
      </colgroup>
      <HeaderBand layout={layout} />
      <tbody>
        {rows.map((row, index) => (
          <tr key={row.id} data-row-number={firstNumber + index}>
            {layout.columns.map((column, columnIndex) => (
              <RowCell key={columnIndex} column={column} row={row} number={firstNumber + index} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
