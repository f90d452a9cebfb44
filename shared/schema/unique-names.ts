/**
 * Whether `count` names (name i is nameAt(i)) have no name twice, told with an open-addressing table in a
 * typed array: a large file's tens of thousands of row ids are checked without growing a Set, whose
 * allocations would make the collector copy every young object of the just-parsed file.
 */
export function namesAreUnique(count: number, nameAt: (index: number) => string): boolean {
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  // A slot holds the index + 1 of the name in it; 0 is empty.
  const slots = new Int32Array(size);
  for (let index = 0; index < count; index++) {
    const name = nameAt(index);
    let hash = 0x811c9dc5;
    for (let unit = 0; unit < name.length; unit++) hash = Math.imul(hash ^ name.charCodeAt(unit), 0x01000193);
    let slot = hash & mask;
    for (let held = slots[slot] as number; held !== 0; held = slots[slot] as number) {
      if (nameAt(held - 1) === name) return false;
      slot = (slot + 1) & mask;
    }
    slots[slot] = index + 1;
  }
  return true;
}
