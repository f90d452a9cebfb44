/** Collects characters not seen before; a table of UTF-16 units keeps a 10,000-row scan to milliseconds. */
export function createCharacterCollector(): { add(text: string): void; takeFresh(): string } {
  const seenUnits = new Uint8Array(0x10000);
  const seenAstral = new Set<number>();
  let fresh: number[] = [];
  return {
    add(text) {
      for (let index = 0; index < text.length; index += 1) {
        const unit = text.charCodeAt(index);
        const low = unit >= 0xd800 && unit <= 0xdbff ? text.charCodeAt(index + 1) : Number.NaN;
        if (low >= 0xdc00 && low <= 0xdfff) {
          const point = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          index += 1;
          if (seenAstral.has(point)) continue;
          seenAstral.add(point);
          fresh.push(point);
        } else if (seenUnits[unit] === 0) {
          seenUnits[unit] = 1;
          fresh.push(unit);
        }
      }
    },
    takeFresh() {
      const points = fresh;
      fresh = [];
      let text = '';
      // fromCodePoint takes its arguments on the stack: a few thousand at a time.
      for (let start = 0; start < points.length; start += 4_096) text += String.fromCodePoint(...points.slice(start, start + 4_096));
      return text;
    },
  };
}
