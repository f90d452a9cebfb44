import { useMemo } from 'react';
import type { AnnexDocument } from '../../../../shared/model/annex-document';
import { TABLE_LABELS } from '../../../../shared/model/table-names';
import { overviewLines, overviewOf } from '../../../../shared/print/overview';
import { OverviewMatrix } from './OverviewMatrix';
import { OVERVIEW_NOTE, OVERVIEW_TITLE } from './overview-text';
import './print.css';

/** The app's 取組の分布 tab: the overview page's heat map, for the document as it is now. */
export function OverviewView({ document }: { readonly document: AnnexDocument }) {
  const overview = useMemo(() => overviewOf(document), [document]);
  const lines = useMemo(() => overviewLines(overview), [overview]);
  const empty = overview.columns.map((column, index) => ({ column, index })).filter(({ index }) => overview.totals.every((total) => (total.counts[index] ?? 0) === 0));
  return (
    <section className="overview-view" aria-label="取組の分布" data-testid="overview-view">
      <h2>{OVERVIEW_TITLE}</h2>
      <p className="overview-note">{OVERVIEW_NOTE}</p>
      <p className="overview-totals">
        {overview.totals.map((total) => `${TABLE_LABELS[total.table]} ${total.initiatives} 件`).join('・')}
        {empty.length > 0 && (
          <span className="overview-gaps">
            　取組のない基本的な考え方：{empty.map(({ column }) => `${column.vision.label}${column.concept.label}${column.subColumn ? column.subColumn.title : ''}`).join('、')}
          </span>
        )}
      </p>
      <div className="overview-scroll">
        <OverviewMatrix overview={overview} lines={lines} />
      </div>
    </section>
  );
}
