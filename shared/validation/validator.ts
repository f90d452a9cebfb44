import { DEFAULT_SETTINGS, TABLE_KINDS, type AnnexDocument, type AnnexRow, type Masters, type PaperSize, type TableKind } from '../model/annex-document';
import type { Plan } from '../model/plan';
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

const appliesTo = (rule: Rule, table: TableKind): boolean => !rule.tables || rule.tables.includes(table);

function toIssues(rule: Rule, table: TableKind, findings: readonly Finding[]): ValidationIssue[] {
  return findings.map((finding) => ({ rule: rule.id, severity: rule.severity, table, ...finding }));
}

/**
 * Row rules are re-run only for rows that changed since the last call (rows are immutable, so a changed
 * row is a new object); table rules, which compare rows, run every time over cached per-row keys.
 */
export function createValidator(rules: readonly Rule[] = ALL_RULES): Validator {
  const rowRules = rules.filter((rule): rule is RowRule => rule.scope === 'row');
  const tableRules = rules.filter((rule): rule is TableRule => rule.scope === 'table');
  const order = new Map(rules.map((rule, index) => [rule.id, index]));
  let cachedFor: { plan: Plan; masters: Masters; paperSize: PaperSize } | undefined;
  let rowCaches = new Map<TableKind, WeakMap<AnnexRow, ValidationIssue[]>>();

  const sortByRule = (issues: ValidationIssue[]): ValidationIssue[] =>
    issues.sort((a, b) => (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0));

  const cacheOf = (table: TableKind): WeakMap<AnnexRow, ValidationIssue[]> => {
    const cache = rowCaches.get(table) ?? new WeakMap<AnnexRow, ValidationIssue[]>();
    rowCaches.set(table, cache);
    return cache;
  };

  const rowIssues = (row: AnnexRow, table: TableKind, rules: readonly RowRule[], context: RuleContext, cache: WeakMap<AnnexRow, ValidationIssue[]>): ValidationIssue[] => {
    let issues = cache.get(row);
    if (!issues) {
      issues = rules.flatMap((rule) => toIssues(rule, table, rule.check(row, context)));
      cache.set(row, issues);
    }
    return issues;
  };

  const rowRulesFor = (table: TableKind): RowRule[] => rowRules.filter((rule) => appliesTo(rule, table));

  const validateTable = (document: AnnexDocument, table: TableKind, output: ValidationIssue[]): void => {
    const context = ruleContext(document, table);
    const cache = cacheOf(table);
    const rules = rowRulesFor(table);
    // Table rules find few problems: group them by row, then merge while walking the rows in order.
    const fromTableRules = new Map<string, ValidationIssue[]>();
    for (const rule of tableRules.filter((candidate) => appliesTo(candidate, table))) {
      for (const issue of toIssues(rule, table, rule.check(document.tables[table], context))) {
        fromTableRules.set(issue.rowId, [...(fromTableRules.get(issue.rowId) ?? []), issue]);
      }
    }
    for (const row of document.tables[table].rows) {
      const issues = rowIssues(row, table, rules, context, cache);
      const extra = fromTableRules.get(row.id);
      if (extra) output.push(...sortByRule([...issues, ...extra]));
      else for (const issue of issues) output.push(issue);
    }
  };

  // A row's results hold while the structure, the master and the paper (print-fit) stay the same.
  const keepCacheFor = (document: AnnexDocument): void => {
    const paperSize = document.settings?.paperSize ?? DEFAULT_SETTINGS.paperSize;
    if (!cachedFor || cachedFor.plan !== document.plan || cachedFor.masters !== document.masters || cachedFor.paperSize !== paperSize) {
      cachedFor = { plan: document.plan, masters: document.masters, paperSize };
      rowCaches = new Map();
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
        const cache = cacheOf(table);
        const rules = rowRulesFor(table);
        for (const row of document.tables[table].rows) {
          if (cache.has(row)) continue;
          // The clock is read every 32 rows checked, after at least one, so every slice makes progress.
          if (checked > 0 && checked % 32 === 0 && outOfTime()) return false;
          rowIssues(row, table, rules, context, cache);
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
