import type { AnnexRow, AnnexTable, Masters, PaperSize, TableKind } from '../model/annex-document';
import type { Plan } from '../model/plan';
import type { Finding, Severity } from './issue';

/** What a rule may look at besides the row: the structure and master the row is checked against. */
export interface RuleContext {
  readonly table: TableKind;
  readonly plan: Plan;
  readonly masters: Masters;
  /** 部 name → its 課. */
  readonly sectionsByDepartment: ReadonlyMap<string, ReadonlySet<string>>;
  /** 課 name → the 部 it belongs to. */
  readonly departmentBySection: ReadonlyMap<string, string>;
  /** The paper the document prints on (its settings, or the default): print-fit measures against it. */
  readonly paperSize: PaperSize;
}

interface RuleBase {
  readonly id: string;
  readonly severity: Severity;
  /** One line in Japanese: what the rule checks, for the README and the problem panel. */
  readonly description: string;
  /** Tables the rule applies to; all when absent. */
  readonly tables?: readonly TableKind[];
}

/** Looks at one row alone, so its result can be cached until the row changes. */
export interface RowRule extends RuleBase {
  readonly scope: 'row';
  check(row: AnnexRow, context: RuleContext): Finding[];
}

/** Compares rows with each other, so it sees the whole table. */
export interface TableRule extends RuleBase {
  readonly scope: 'table';
  check(table: AnnexTable, context: RuleContext): Finding[];
}

export type Rule = RowRule | TableRule;
