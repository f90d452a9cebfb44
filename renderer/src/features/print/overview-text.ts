/** The overview page's heading and the note that says what its numbers count. */
export const OVERVIEW_TITLE = '取組の分布（目指す地域像・基本的な考え方 × 部）';
export const OVERVIEW_NOTE =
  '各欄の数は、その部の取組のうち、その基本的な考え方に○が付いている取組の数です（一つの取組が複数の部にまたがるときは、それぞれに数えます）。';
