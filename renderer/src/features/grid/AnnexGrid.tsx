import { AG_GRID_LOCALE_JP } from '@ag-grid-community/locale';
import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ExternalFilterModule,
  LocaleModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  RowDragModule,
  ScrollApiModule,
  TooltipModule,
  type GetRowIdParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AnnexRow } from '../../../../shared/model/annex-document';
import './annex-grid.css';
import { buildColumnDefs } from './column-defs';
import { GridController } from './grid-controller';
import { gridColumns } from './grid-columns';
import type { AnnexGridProps } from './grid-props';
import { gridTheme } from './grid-theme';
import { ListPicker, type PickerState } from './ListPicker';
import { useEqualValue } from './use-equal-value';

// Only the features the grid uses: AllCommunityModule made the window's script 1.40 MB instead of 1.02 MB. A
// missing one is a console error naming it, which the Chromium tests fail on.
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  ClientSideRowModelApiModule,
  ExternalFilterModule,
  RowDragModule,
  CellStyleModule,
  TooltipModule,
  ColumnApiModule,
  RowApiModule,
  ScrollApiModule,
  RenderApiModule,
  LocaleModule,
]);

const getRowId = (params: GetRowIdParams<AnnexRow>): string => params.data.id;

/**
 * The annex table as a spreadsheet: AG Grid Community renders it; the controller supplies Excel's keyboard,
 * selection, editing (IME-safe), clipboard and row operations, and sends every change out as a command.
 */
export function AnnexGrid(props: AnnexGridProps) {
  const { document, table, handleRef } = props;
  const [controller] = useState(() => new GridController(props));
  const plan = useEqualValue(document.plan);
  const columns = useMemo(() => gridColumns(plan, table), [plan, table]);
  const { defs, headerHeight } = useMemo(() => buildColumnDefs(plan, columns), [plan, columns]);
  const [picker, setPicker] = useState<PickerState | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  // The column callbacks read the latest rows, positions and problems as AG Grid applies the new row data.
  controller.sync(props, columns);
  controller.onPicker = setPicker;

  useLayoutEffect(() => {
    const input = inputRef.current;
    const wrapper = wrapperRef.current;
    if (!input || !wrapper) return undefined;
    return controller.attach(input, wrapper);
  }, [controller]);
  useEffect(() => controller.afterRender());
  useImperativeHandle(handleRef, () => controller.handle(), [controller]);

  return (
    <div className="annex-grid-frame">
    <div className="annex-grid" ref={wrapperRef} tabIndex={-1} data-testid="annex-grid" data-table={table}>
      <AgGridReact<AnnexRow>
        theme={gridTheme}
        localeText={AG_GRID_LOCALE_JP}
        rowData={controller.gridRowData}
        columnDefs={defs}
        getRowId={getRowId}
        resetRowDataOnUpdate={controller.resetRowData}
        getRowHeight={controller.getRowHeight}
        headerHeight={headerHeight}
        context={controller.context}
        suppressCellFocus
        enableBrowserTooltips
        suppressMovableColumns
        suppressDragLeaveHidesColumns
        suppressRowHoverHighlight
        suppressScrollOnNewData
        animateRows={false}
        rowDragManaged={false}
        rowDragText={controller.rowDragText}
        isExternalFilterPresent={controller.isExternalFilterPresent}
        doesExternalFilterPass={controller.doesExternalFilterPass}
        onGridReady={controller.gridReady}
        onFirstDataRendered={controller.firstDataRendered}
        onRowDataUpdated={controller.rowDataUpdated}
        onModelUpdated={controller.modelUpdated}
        onColumnResized={controller.columnResized}
        onBodyScroll={controller.scrolled}
        onRowDragMove={controller.rowDragMove}
        onRowDragEnd={controller.rowDragEnd}
        onRowDragLeave={controller.rowDragCancel}
        onRowDragCancel={controller.rowDragCancel}
      />
      <textarea
        ref={inputRef}
        className="annex-cell-input"
        data-testid="grid-cell-input"
        data-grid-input="idle"
        defaultValue=""
        spellCheck={false}
        autoComplete="off"
        rows={1}
      />
      {picker && <ListPicker state={picker} onPick={controller.pick} />}
    </div>
    </div>
  );
}
