import { useMemo, useState } from 'react';
import { builtinAnnex } from '../../shared/builtin-annex';
import { TABLE_KINDS, type TableKind } from '../../shared/model/annex-document';
import { TABLE_LABELS } from '../../shared/model/table-names';
import { validateDocument } from '../../shared/validation/validator';

// Read-only view of the built-in annex until the grid editor arrives.
const annex = builtinAnnex();

export function App() {
  const [active, setActive] = useState<TableKind>('city');
  const issues = useMemo(() => validateDocument(annex), []);
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const table = annex.tables[active];

  return (
    <div className="app">
      <header className="app-header">
        <h1>{annex.plan.title}</h1>
        <p className="status" role="status">
          エラー {errors} 件・警告 {issues.length - errors} 件
        </p>
      </header>

      <div className="tabs" role="tablist" aria-label="取組事業一覧の表">
        {TABLE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            role="tab"
            id={`tab-${kind}`}
            aria-selected={kind === active}
            aria-controls="annex-table-panel"
            className="tab"
            onClick={() => setActive(kind)}
          >
            {TABLE_LABELS[kind]}
          </button>
        ))}
      </div>

      <section id="annex-table-panel" role="tabpanel" aria-labelledby={`tab-${active}`} className="panel">
        <h2>{table.title}</h2>
        <table className="annex-table">
          <thead>
            <tr>
              <th scope="col">通し番号</th>
              <th scope="col">部</th>
              <th scope="col">課</th>
              <th scope="col">主な取組</th>
              <th scope="col">取組概要</th>
              <th scope="col">○の数</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={row.id}>
                <td className="num">{index + 1}</td>
                <td className="org">{row.departments.join('・')}</td>
                <td className="org">{row.sections.join('・')}</td>
                <td>{row.title}</td>
                <td className="summary">{row.summary}</td>
                <td className="num">{row.marks.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
