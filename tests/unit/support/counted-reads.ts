/**
 * Proxies that count reads, for tests that bound how much work a function does per row (never timed): each pass
 * over a list reads it once, so reads beyond a few times its length mean a pass per item.
 */

/** `items` as a list that counts how often an item is read from it. */
export function countedItems<T>(items: readonly T[]): { items: readonly T[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(items as T[], {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { items: proxy, reads: () => reads };
}

/** `object` as one that calls `onRead` each time its `property` is read. */
export function countedProperty<T extends object>(object: T, property: keyof T, onRead: () => void): T {
  return new Proxy(object, {
    get(target, key, receiver) {
      if (key === property) onRead();
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
