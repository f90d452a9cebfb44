import { codeUnitClass, type CodeUnitRange } from './code-unit-class';

/** U+FF61–U+FF9F: half-width katakana and their punctuation (｡｢｣､･ and the sound marks ﾞﾟ). */
export const HALFWIDTH_KANA_RANGE: CodeUnitRange = [0xff61, 0xff9f];

const RUN = `${codeUnitClass([HALFWIDTH_KANA_RANGE])}+`;
const HALFWIDTH_KANA = new RegExp(RUN, 'g');
const FIRST_RUN = new RegExp(RUN);

/** The first run of half-width katakana, which a message quotes. */
export function firstHalfwidthKanaRun(text: string): string {
  return FIRST_RUN.exec(text)?.[0] ?? '';
}

/** NFKC on the half-width runs alone: ｶﾞ becomes ガ, while the rest of the text keeps its own widths. */
export function widenHalfwidthKana(text: string): string {
  return text.replace(HALFWIDTH_KANA, (run) => run.normalize('NFKC'));
}
