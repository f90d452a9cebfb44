import type { AnnexDocument, TableKind } from '../../../../shared/model/annex-document';
import { markColumns } from '../../../../shared/model/plan';
import { isFiltering, NO_FILTER, type RowFilter } from './row-filter';

interface FilterBarProps {
  readonly document: AnnexDocument;
  readonly table: TableKind;
  readonly filter: RowFilter;
  readonly onChange: (filter: RowFilter) => void;
}

/** 絞り込み: 部, 課, 基本的な考え方 and problems, as drop-downs. */
export function FilterBar({ document, table, filter, onChange }: FilterBarProps) {
  const departments = document.masters.departments;
  const sections = departments
    .filter((department) => !filter.department || department.name === filter.department)
    .flatMap((department) => department.sections);
  const set = (patch: Partial<RowFilter>): void => onChange({ ...filter, ...patch });
  return (
    <div className="filter-bar" role="group" aria-label="絞り込み">
      <span className="filter-label">絞り込み</span>
      {table === 'city' && (
        <>
          <select aria-label="部で絞り込む" value={filter.department} onChange={(event) => set({ department: event.target.value, section: '' })}>
            <option value="">部: すべて</option>
            {departments.map((department) => (
              <option key={department.name} value={department.name}>
                {department.name}
              </option>
            ))}
          </select>
          <select aria-label="課で絞り込む" value={filter.section} onChange={(event) => set({ section: event.target.value })}>
            <option value="">課: すべて</option>
            {sections.map((section) => (
              <option key={section} value={section}>
                {section}
              </option>
            ))}
          </select>
        </>
      )}
      <select aria-label="基本的な考え方で絞り込む" value={filter.markId} onChange={(event) => set({ markId: event.target.value })}>
        <option value="">基本的な考え方: すべて</option>
        {markColumns(document.plan).map((column) => (
          <option key={column.id} value={column.id}>
            {`${column.vision.label}${column.concept.label}${column.subColumn ? ` ${column.subColumn.title}` : ` ${column.concept.title}`}`}
          </option>
        ))}
      </select>
      <select aria-label="問題で絞り込む" value={filter.problem} onChange={(event) => set({ problem: event.target.value as RowFilter['problem'] })}>
        <option value="">問題: すべての行</option>
        <option value="any">問題のある行</option>
        <option value="error">エラーのある行</option>
        <option value="warning">警告のある行</option>
      </select>
      {isFiltering(filter) && (
        <button type="button" onClick={() => onChange(NO_FILTER)}>
          解除
        </button>
      )}
    </div>
  );
}
