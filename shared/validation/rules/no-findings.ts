import type { Finding } from '../issue';

/** What a check returns when it finds nothing: one frozen array rather than a new one per row and rule. */
export const NO_FINDINGS: Finding[] = [];
Object.freeze(NO_FINDINGS);
