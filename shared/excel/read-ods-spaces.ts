import * as XLSX from 'xlsx';
import { odsCellProblem } from './part-scan';
import type { ZipContainer } from './zip-container';

// Spaces that JavaScript's trim() removes but ODF keeps as text (ODF collapses only U+0020, tab and line breaks).
const TRIMMED_SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/gu;

interface CfbModule {
  find(container: ZipContainer, path: string): { content?: Uint8Array } | null;
}

/**
 * Readies an ODS's content.xml for SheetJS: refused (a Japanese message) when it would make more cells than any annex
 * has, its repeat counts spread. SheetJS 0.20.3 trims each ODS paragraph with String.prototype.trim, which also strips
 * full-width spaces: the 2024 annex's summaries that begin with 「　」 would lose it. Writing those spaces as character
 * references keeps them past the trim; SheetJS decodes the references back. Changes the inflated zip SheetJS is given.
 */
export function prepareOds(container: ZipContainer): string | undefined {
  const cfb = (XLSX as unknown as { CFB: CfbModule }).CFB;
  const content = cfb.find(container, 'content.xml');
  if (!content?.content) return undefined;
  const text = new TextDecoder('utf-8').decode(content.content);
  const problem = odsCellProblem(text);
  if (problem !== undefined) return problem;
  if (!TRIMMED_SPACES.test(text)) return undefined;
  content.content = new TextEncoder().encode(text.replace(TRIMMED_SPACES, (space) => `&#${space.codePointAt(0) ?? 32};`));
  return undefined;
}
