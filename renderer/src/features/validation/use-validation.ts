import { useDeferredValue, useMemo, useRef } from 'react';
import type { AnnexDocument } from '../../../../shared/model/annex-document';
import type { Plan } from '../../../../shared/model/plan';
import type { ValidationIssue } from '../../../../shared/validation/issue';
import { createValidator } from '../../../../shared/validation/validator';

/**
 * Live validation: one incremental validator per window. An edit is validated at once; a newly opened
 * document (a new plan) follows a deferred copy, so its grid is drawn first and its problems arrive a moment later.
 */
export function useValidation(document: AnnexDocument): readonly ValidationIssue[] {
  const validator = useRef(createValidator());
  const validatedPlan = useRef<Plan | null>(null);
  const deferred = useDeferredValue(document);
  const source = document.plan === validatedPlan.current ? document : deferred;
  return useMemo(() => {
    validatedPlan.current = source.plan;
    return validator.current.validate(source);
  }, [source]);
}
