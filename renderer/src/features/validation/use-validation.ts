import { useMemo, useRef } from 'react';
import type { AnnexDocument } from '../../../../shared/model/annex-document';
import type { ValidationIssue } from '../../../../shared/validation/issue';
import { createValidator } from '../../../../shared/validation/validator';

/** Live validation: one incremental validator per window, re-run on every document change. */
export function useValidation(document: AnnexDocument): readonly ValidationIssue[] {
  const validator = useRef(createValidator());
  return useMemo(() => validator.current.validate(document), [document]);
}
