import { DEFAULT_SETTINGS, TABLE_KINDS, type AnnexDocument, type AnnexRow, type Masters, type PaperSize, type TableKind } from '../model/annex-document';
import type { Plan } from '../model/plan';
import { rowPositions } from '../model/row-positions';
import { positionsWithIssues, TableChecks } from './checked-rows';
import type { Finding, ValidationIssue } from './issue';
import type { Rule, RowRule, RuleContext, TableRule } from './rule';
import { ruleContext } from './rule-context';
import { ALL_RULES } from './rules';

export interface Validator {
  /** Every problem of the document, in table order, then row order, then rule order. */
  validate(document: AnnexDocument): ValidationIssue[];
  /**
   * Runs the row rules of rows not yet checked until `outOfTime` says stop, so a large document can be
   * checked in slices between frames. True once every row is checked: validate() is then quick.
   */
  prepare(document: AnnexDocument, outOfTime: () => boolean): boolean;
}

const NO_ISSUES: readonly ValidationIssue[] = Object.freeze([]);

const appliesTo = (rule: Rule, table: TableKind): boolean => !rule.tables || rule.tables.includes(table);

function toIssues(rule: Rule, table: TableKind, findings: readonly Finding[]): ValidationIssue[] {
  return findings.map((finding) => ({ rule: rule.id, severity: rule.severity, table, ...finding }));
}

/**
 * Row rules are re-run only for rows that changed since the last call (rows are immutable, so a changed
 * row is a new object; results are kept by position, see TableChecks), and only rows with issues are walked to
 * list them; table rules, which compare rows, run every time over key places kept up to date (see key-places).
 */
export function createValidator(rules: readonly Rule[] = ALL_RULES): Validator {
  const rowRules = rules.filter((rule): rule is RowRule => rule.scope === 'row');
  const tableRules = rules.filter((rule): rule is TableRule => rule.scope === 'table');
  const order = new Map(rules.map((rule, index) => [rule.id, index]));
  let cachedFor: { plan: Plan; masters: Masters; paperSize: PaperSize } | undefined;
  let checks = new Map<TableKind, TableChecks>();

  const sortByRule = (issues: ValidationIssue[]): ValidationIssue[] =>
    issues.sort((a, b) => (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0));

  const checksOf = (table: TableKind): TableChecks => {
    const tableChecks = checks.get(table) ?? new TableChecks();
    checks.set(table, tableChecks);
    return tableChecks;
  };

  // Most rules find nothing in most rows: a plain loop, and one shared empty result, keep that case free of arrays.
  const checkRow = (row: AnnexRow, table: TableKind, rules: readonly RowRule[], context: RuleContext): readonly ValidationIssue[] => {
    let issues: ValidationIssue[] | undefined;
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index] as RowRule;
      const findings = rule.check(row, context);
      for (let f = 0; f < findings.length; f++) (issues ??= []).push({ rule: rule.id, severity: rule.severity, table, ...(findings[f] as Finding) });
    }
    return issues ?? NO_ISSUES;
  };

  const rowRulesFor = (table: TableKind): RowRule[] => rowRules.filter((rule) => appliesTo(rule, table));

  const validateTable = (document: AnnexDocument, table: TableKind, output: ValidationIssue[]): void => {
    const context = ruleContext(document, table);
    const rows = document.tables[table].rows;
    const checked = checksOf(table).alignedTo(rows);
    const rules = rowRulesFor(table);
    // Table rules find few problems: group them by row position, then merge while walking the rows in order.
    const fromTableRules = new Map<number, ValidationIssue[]>();
    for (const rule of tableRules.filter((candidate) => appliesTo(candidate, table))) {
      for (const issue of toIssues(rule, table, rule.check(document.tables[table], context))) {
        const position = rowPositions(rows).get(issue.rowId) as number;
        fromTableRules.set(position, [...(fromTableRules.get(position) ?? []), issue]);
      }
    }
    const withIssues = positionsWithIssues(checked, (position) => checkRow(rows[position] as AnnexRow, table, rules, context));
    // Rows without issues add nothing: only the rows with issues from either kind of rule are walked, in order.
    const extraAt = [...fromTableRules.keys()].sort((a, b) => a - b);
    let nextRow = 0;
    let nextExtra = 0;
    while (nextRow < withIssues.length || nextExtra < extraAt.length) {
      const position = Math.min(withIssues[nextRow] ?? Infinity, extraAt[nextExtra] ?? Infinity);
      const issues = checked.issues.get(position) as readonly ValidationIssue[];
      if (withIssues[nextRow] === position) nextRow += 1;
      if (extraAt[nextExtra] === position) {
        nextExtra += 1;
        output.push(...sortByRule([...issues, ...(fromTableRules.get(position) as ValidationIssue[])]));
      } else {
        for (let i = 0; i < issues.length; i++) output.push(issues[i] as ValidationIssue);
      }
    }
  };

  // A row's results hold while the structure, the master and the paper (print-fit) stay the same.
  const keepCacheFor = (document: AnnexDocument): void => {
    const paperSize = document.settings?.paperSize ?? DEFAULT_SETTINGS.paperSize;
    if (!cachedFor || cachedFor.plan !== document.plan || cachedFor.masters !== document.masters || cachedFor.paperSize !== paperSize) {
      cachedFor = { plan: document.plan, masters: document.masters, paperSize };
      checks = new Map();
    }
  };

  return {
    validate(document) {
      keepCacheFor(document);
      const output: ValidationIssue[] = [];
      for (const table of TABLE_KINDS) validateTable(document, table, output);
      return output;
    },
    prepare(document, outOfTime) {
      keepCacheFor(document);
      let checked = 0;
      for (const table of TABLE_KINDS) {
        const context = ruleContext(document, table);
        const rows = document.tables[table].rows;
        const results = checksOf(table).alignedTo(rows);
        const rules = rowRulesFor(table);
        for (let index = 0; index < rows.length; index++) {
          if (results.issues.get(index)) continue;
          // The clock is read every 32 rows checked, after at least one, so every slice makes progress.
          if (checked > 0 && checked % 32 === 0 && outOfTime()) return false;
          results.issues.set(index, checkRow(rows[index] as AnnexRow, table, rules, context));
          checked += 1;
        }
      }
      return true;
    },
  };
}

/** One-off validation, for the command line and tests. */
export function validateDocument(document: AnnexDocument, rules: readonly Rule[] = ALL_RULES): ValidationIssue[] {
  return createValidator(rules).validate(document);
}
