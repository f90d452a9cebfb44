/** 部 and 課 as one cell's text: one value a line; a pasted cell may also join values with 「・」. */
export function splitListText(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|・/)
    .map((value) => value.replace(/^[\s]+|[\s]+$/g, ''))
    .filter((value) => value.length > 0);
}

export const joinListText = (values: readonly string[]): string => values.join('\n');
