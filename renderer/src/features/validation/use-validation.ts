import { useEffect, useMemo, useRef, useState } from 'react';
import { TABLE_KINDS, type AnnexDocument } from '../../../../shared/model/annex-document';
import type { Plan } from '../../../../shared/model/plan';
import type { ValidationIssue } from '../../../../shared/validation/issue';
import { createValidator, type Validator } from '../../../../shared/validation/validator';
import { yieldToBrowser } from './yield-to-browser';

/** Up to this many rows a whole validation takes a few milliseconds: done at once, never sliced. */
const CHECK_AT_ONCE_ROWS = 2_000;
/** Work per slice while a large document is first checked; the browser paints and takes input between. */
const SLICE_MS = 8;
const NONE: readonly ValidationIssue[] = [];

export interface LiveValidation {
  readonly issues: readonly ValidationIssue[];
  /** A newly opened large document whose rows are still being checked; its issues are not known yet. */
  readonly checking: boolean;
  /** The window's validator, its rows' results cached: a bulk fix checks with it instead of from the start. */
  readonly validator: Validator;
}

const rowCount = (document: AnnexDocument): number => TABLE_KINDS.reduce((sum, table) => sum + document.tables[table].rows.length, 0);

/**
 * Live validation: one incremental validator per window. An edit is validated at once from the cached
 * results of unchanged rows. A newly opened large document (a new plan) is first checked in slices between
 * frames, so its grid is drawn and answers input at once and its problems arrive a moment later.
 */
export function useValidation(document: AnnexDocument): LiveValidation {
  const [validator] = useState(createValidator);
  const [preparedPlan, setPreparedPlan] = useState<Plan | null>(null);
  const latest = useRef(document);
  latest.current = document;
  const ready = preparedPlan === document.plan || rowCount(document) <= CHECK_AT_ONCE_ROWS;

  useEffect(() => {
    if (ready) return undefined;
    // Edits made meanwhile are checked too: each slice works on the latest document.
    return yieldToBrowser(function slice(): boolean {
      const end = performance.now() + SLICE_MS;
      if (!validator.prepare(latest.current, () => performance.now() > end)) return false;
      setPreparedPlan(latest.current.plan);
      return true;
    });
  }, [ready, validator, document.plan]);

  const issues = useMemo(() => (ready ? validator.validate(document) : NONE), [ready, validator, document]);
  return { issues, checking: !ready, validator };
}
