// U+FF61–U+FF9F: half-width katakana and their punctuation (｡｢｣､･ and the sound marks ﾞﾟ).
const HALFWIDTH_KANA = /[\uFF61-\uFF9F]+/g;

/** NFKC on the half-width runs alone: ｶﾞ becomes ガ, while the rest of the text keeps its own widths. */
export function widenHalfwidthKana(text: string): string {
  return text.replace(HALFWIDTH_KANA, (run) => run.normalize('NFKC'));
}
