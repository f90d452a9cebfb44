import '@fontsource/biz-udpgothic';
import { ClientSideRowModelModule, ModuleRegistry, type ColDef, type GetRowIdParams, type ValueGetterParams } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { gridColumns } from '../../../renderer/src/features/grid/grid-columns';
import { gridTheme } from '../../../renderer/src/features/grid/grid-theme';
import { rowHeightCache } from '../../../renderer/src/features/grid/row-height';
import type { AnnexDocument, AnnexRow } from '../../../shared/model/annex-document';
import { page } from '../web/page-globals';

/**
 * The floor of the Chromium bench: the least a page can do to show a dropped annex's city table in AG Grid.
 * The same rows, the same columns (通し番号, 部, 課, 主な取組, 取組概要 and one column per mark column, flat), the
 * same left columns pinned (AG Grid 36 draws them sticky, which makes each row in view its own compositor
 * layer once the table scrolls sideways), the same widths and the app's row-height estimate, the app's theme,
 * in a box the size of the app's grid with a header as tall as the app's header band (?w=&h=&header=), so the
 * same rows and columns are drawn. Plain text cells: no components, classes, tooltips, context, validation,
 * focus holder or app around it. The grid is mounted empty at load, as the app's is on its start-up document;
 * a dropped file is read with JSON.parse (none of the app's schema checks or worker) and its columns and rows
 * handed to that grid.
 */
// The one module the floor needs, as the app registers only those it uses.
ModuleRegistry.registerModules([ClientSideRowModelModule]);

// As column-defs.ts's COLUMN_WIDTHS (not imported: that module brings the app's header components).
const WIDTHS = { number: 48, departments: 104, sections: 124, title: 200, summary: 400, mark: 48 } as const;

const w = page();
const params = new URLSearchParams(w.location.search);
const container = w.document.getElementById('grid');
if (!container) throw new Error('no #grid');
Object.assign(container.style, { width: `${params.get('w') ?? 1600}px`, height: `${params.get('h') ?? 900}px` });
const headerHeight = Number(params.get('header') ?? 40);

function columnDefs(document: AnnexDocument): ColDef<AnnexRow>[] {
  return gridColumns(document.plan, 'city').map((column): ColDef<AnnexRow> => {
    switch (column.kind) {
      case 'number':
        return { colId: column.id, headerName: column.label, width: WIDTHS.number, pinned: 'left', valueGetter: (p) => String((p.node?.rowIndex ?? 0) + 1) };
      case 'list': {
        const field = column.field;
        return { colId: column.id, headerName: column.label, width: WIDTHS[field], pinned: 'left', wrapText: true, valueGetter: (p: ValueGetterParams<AnnexRow>) => p.data?.[field].join('\n') ?? '' };
      }
      case 'text':
        return { colId: column.id, headerName: column.label, width: WIDTHS[column.field], pinned: column.field === 'title' ? 'left' : undefined, wrapText: true, field: column.field };
      case 'mark': {
        const id = column.mark.id;
        return { colId: column.id, headerName: column.label, width: WIDTHS.mark, valueGetter: (p) => (p.data?.marks.includes(id) ? '○' : '') };
      }
    }
  });
}

const heightOf = rowHeightCache({ departments: WIDTHS.departments, sections: WIDTHS.sections, title: WIDTHS.title, summary: WIDTHS.summary });
const root = createRoot(container);
const grid = (rowData: AnnexRow[], columnDefs: ColDef<AnnexRow>[]) => {
  const props: AgGridReactProps<AnnexRow> = {
    theme: gridTheme,
    rowData,
    columnDefs,
    getRowId: (p: GetRowIdParams<AnnexRow>) => p.data.id,
    getRowHeight: (p) => (p.data ? heightOf(p.data) : 28),
    headerHeight,
    animateRows: false,
  };
  return createElement(AgGridReact<AnnexRow>, props);
};

// The grid is there, empty, before a file comes (as the app's grid is, on its start-up document).
root.render(grid([], []));

w.addEventListener('dragover', (event) => event.preventDefault());
w.addEventListener('drop', (event) => {
  event.preventDefault();
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  void file.text().then((text) => {
    const document = JSON.parse(text) as AnnexDocument;
    root.render(grid(document.tables.city.rows as AnnexRow[], columnDefs(document)));
  });
});
