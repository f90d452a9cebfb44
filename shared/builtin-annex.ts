import builtinJson from '../data/annex-2024.json';
import { documentFromJsonValue } from './codec/annex-json';
import type { AnnexDocument } from './model/annex-document';
import { describeLoadProblem } from './model/load-problem';

/** The bundled 2024 annex. It is checked by the tests, so a failure here is a packaging defect. */
export function builtinAnnex(): AnnexDocument {
  const result = documentFromJsonValue(builtinJson);
  if (!result.ok) throw new Error(`The built-in annex is invalid: ${result.error.map(describeLoadProblem).join('; ')}`);
  return result.value;
}
