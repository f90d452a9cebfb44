import type { CellClassParams, ColDef, ColGroupDef, ITooltipParams, ValueGetterParams } from 'ag-grid-community';
import type { AnnexRow } from '../../../../shared/model/annex-document';
import type { Plan } from '../../../../shared/model/plan';
import { HEADER_LABELS } from '../../../../shared/model/table-names';
import { cellText } from './cell-values';
import type { GridContext } from './grid-context';
import { markColumnId, type GridColumn } from './grid-columns';
import { GroupHeader, LeafHeader, type GroupHeaderParams, type LeafHeaderParams } from './header-components';
import { cellIssues } from './issue-index';

/** Column widths in px; the text columns can be resized, the row heights follow. */
export const COLUMN_WIDTHS = {
  number: 48,
  departments: 104,
  sections: 124,
  title: 200,
  summary: 400,
  mark: 48,
} as const;

// Vertical header text: font size and the width of one vertical line, in px.
const VERTICAL_FONT_PX = 11;
const VERTICAL_LINE_PX = 13.5;
const HEADER_PADDING_PX = 6;
/** The smallest header row; AG Grid also takes it as the group rows' least height. */
const BASE_HEADER_HEIGHT = 26;

const countChars = (text: string): number => [...text].length;

/**
 * The height of the vertical titles, for the longest one wrapped into as many vertical lines as a mark column
 * holds. Header rows are measured (autoHeaderHeight) from a small base, so every band row fits its text.
 */
export function headerMetrics(columns: readonly GridColumn[]): { headerHeight: number; verticalHeight: number } {
  const linesFit = Math.max(1, Math.floor((COLUMN_WIDTHS.mark - 2 * HEADER_PADDING_PX) / VERTICAL_LINE_PX));
  let longest = countChars(HEADER_LABELS.number);
  for (const column of columns) if (column.kind === 'mark') longest = Math.max(longest, Math.ceil(countChars(column.mark.title) / linesFit));
  const verticalHeight = Math.ceil(longest * VERTICAL_FONT_PX * 1.04) + 2;
  return { verticalHeight, headerHeight: BASE_HEADER_HEIGHT };
}

const ctx = (params: { context: unknown }): GridContext => params.context as GridContext;

function cellClassRules(column: GridColumn): NonNullable<ColDef<AnnexRow>['cellClassRules']> {
  const id = column.id;
  return {
    'annex-cell-active': (p: CellClassParams<AnnexRow>) => {
      const active = ctx(p).active;
      return !!active && active.colId === id && active.rowId === p.node.id;
    },
    'annex-cell-selected': (p: CellClassParams<AnnexRow>) => ctx(p).isSelected(p.node.id ?? '', p.node.rowIndex, id),
    'annex-cell-error': (p: CellClassParams<AnnexRow>) => cellIssues(ctx(p).issues, p.node.id ?? '', id)?.severity === 'error',
    'annex-cell-warning': (p: CellClassParams<AnnexRow>) => cellIssues(ctx(p).issues, p.node.id ?? '', id)?.severity === 'warning',
  };
}

function leafDef(column: GridColumn, verticalHeight: number): ColDef<AnnexRow> {
  const base: ColDef<AnnexRow> = {
    colId: column.id,
    headerName: column.label,
    headerTooltip: column.label,
    valueGetter: (p: ValueGetterParams<AnnexRow>) => (p.data ? cellText(p.data, column, ctx(p).positions.get(p.data.id) ?? 0) : ''),
    cellClassRules: cellClassRules(column),
    // Problems show as the cell's title (browser tooltip).
    tooltip: (p: ITooltipParams<AnnexRow>) => {
      const id = p.node?.id;
      const issues = id ? cellIssues(ctx(p).issues, id, column.id) : undefined;
      return issues ? issues.messages.join('\n') : undefined;
    },
    sortable: false,
    suppressMovable: true,
    suppressHeaderMenuButton: true,
    suppressHeaderContextMenu: true,
    headerComponent: LeafHeader,
  };
  switch (column.kind) {
    case 'number':
      return {
        ...base,
        width: COLUMN_WIDTHS.number,
        pinned: 'left',
        lockPinned: true,
        resizable: false,
        rowDrag: true,
        cellClass: 'annex-cell-number',
        headerClass: 'annex-header-cell-vertical',
        headerComponentParams: { title: column.label, vertical: true, testId: 'header-number' } satisfies LeafHeaderParams,
      };
    case 'list':
    case 'text':
      return {
        ...base,
        width: COLUMN_WIDTHS[column.field],
        minWidth: 60,
        pinned: column.field === 'summary' ? undefined : 'left',
        lockPinned: true,
        resizable: true,
        cellClass: column.kind === 'list' ? 'annex-cell-list' : `annex-cell-text annex-cell-${column.field}`,
        headerClass: 'annex-header-cell-horizontal',
        headerComponentParams: { title: column.label, vertical: false, testId: `header-${column.field}` } satisfies LeafHeaderParams,
      };
    case 'mark': {
      const { mark } = column;
      return {
        ...base,
        width: COLUMN_WIDTHS.mark,
        resizable: false,
        cellClass: 'annex-cell-mark',
        headerClass: 'annex-header-cell-vertical',
        // The leaf row takes the height of the vertical titles; the group rows above size to their text.
        autoHeaderHeight: true,
        headerComponentParams: {
          ...(mark.subColumn ? {} : { label: mark.concept.label }),
          title: mark.title,
          vertical: true,
          verticalHeight,
          testId: `header-${column.id}`,
        } satisfies LeafHeaderParams,
      };
    }
  }
}

function groupDef(params: GroupHeaderParams, groupId: string, tooltip: string, children: (ColDef<AnnexRow> | ColGroupDef<AnnexRow>)[]): ColGroupDef<AnnexRow> {
  return {
    groupId,
    headerName: params.title ? `${params.label} ${params.title}` : params.label,
    headerTooltip: tooltip,
    headerGroupComponent: GroupHeader,
    headerGroupComponentParams: params,
    headerClass: `annex-group-cell annex-group-cell-${params.level}`,
    autoHeaderHeight: true,
    wrapHeaderText: true,
    marryChildren: true,
    children,
  };
}

/**
 * The columns as the printed header band shows them: the left columns, then 基本理念 over one group per
 * vision (目指す地域像N and its title) over 基本的な考え方 over the concepts; a concept with sub-columns is a
 * group over them. Built from the plan, so another plan's tree shows as printed too.
 */
export function buildColumnDefs(plan: Plan, columns: readonly GridColumn[]): { defs: (ColDef<AnnexRow> | ColGroupDef<AnnexRow>)[]; headerHeight: number } {
  const { headerHeight, verticalHeight } = headerMetrics(columns);
  const byId = new Map(columns.map((column) => [column.id, column]));
  const leaf = (id: string): ColDef<AnnexRow> => {
    const column = byId.get(id);
    if (!column) throw new Error(`列 ${id} がありません`);
    return leafDef(column, verticalHeight);
  };
  const left = columns.filter((column) => column.kind !== 'mark').map((column) => leafDef(column, verticalHeight));
  const visions = plan.visions.map((vision) =>
    groupDef({ label: vision.label, title: vision.title, level: 'vision', testId: `header-${vision.id}` }, vision.id, `${vision.label}　${vision.title}`, [
      groupDef({ label: HEADER_LABELS.concepts, level: 'concepts', testId: `header-${vision.id}-concepts` }, `${vision.id}:concepts`, `${vision.label}の${HEADER_LABELS.concepts}`, [
        ...vision.concepts.map((concept) =>
          concept.subColumns && concept.subColumns.length > 0
            ? groupDef(
                { label: concept.label, title: concept.title, level: 'concept', testId: `header-${concept.id}` },
                concept.id,
                `${vision.label}${concept.label}${concept.title}`,
                concept.subColumns.map((sub) => leaf(markColumnId(sub.id))),
              )
            : leaf(markColumnId(concept.id)),
        ),
      ]),
    ]),
  );
  const matrix = groupDef(
    { label: HEADER_LABELS.philosophy, title: plan.philosophy, level: 'philosophy', testId: 'header-philosophy' },
    'philosophy',
    `${HEADER_LABELS.philosophy}　${plan.philosophy}`,
    visions,
  );
  return { defs: [...left, matrix], headerHeight };
}
