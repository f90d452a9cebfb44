import { useRef } from 'react';

/**
 * The value from the last render when the new one has the same content: a file opened with the same header
 * band keeps the grid's columns, which AG Grid would otherwise rebuild (tens of ms with the header groups).
 * For small, JSON-like values only: the content is compared through JSON.
 */
export function useEqualValue<T>(value: T): T {
  const last = useRef<{ value: T; key: string } | null>(null);
  if (last.current?.value === value) return value;
  const key = JSON.stringify(value);
  if (last.current?.key !== key) last.current = { value, key };
  return last.current.value;
}
