import type { AnnexRow } from '../../model/annex-document';
import { replacedPositions } from '../../model/row-lineage';
import { boundNumbering, keyCount, NO_KEY, numberingRound, rowKeys, sameKey, type KeyKind } from './duplicate-keys';

/** Where the keys of one kind sit in a table: each key's first position, and every position of a key rows share. */
class KindPlaces {
  /** Each position's key. */
  keys = new Int32Array(0);
  /** By key: 1 + the position of its first row; 0 when no row holds it. */
  firstAt = new Int32Array(0);
  /** Keys held by two rows or more: their positions, ascending. Copies are rare, so this stays small. */
  readonly shared = new Map<number, number[]>();

  constructor(readonly kind: KeyKind) {}

  clear(length: number, fresh: boolean): void {
    if (fresh) this.firstAt = new Int32Array(keyCount());
    // Only the entries the old keys set, rather than an array as long as every key numbered.
    else for (const key of this.keys) if (key !== NO_KEY) this.firstAt[key] = 0;
    this.keys = new Int32Array(length);
    this.shared.clear();
  }

  add(key: number, position: number): void {
    this.keys[position] = key;
    if (key === NO_KEY) return;
    if (key >= this.firstAt.length) this.grow();
    const first = (this.firstAt[key] as number) - 1;
    if (first < 0) {
      this.firstAt[key] = position + 1;
      return;
    }
    const places = this.shared.get(key);
    if (!places) {
      this.shared.set(key, first < position ? [first, position] : [position, first]);
    } else if (position > (places[places.length - 1] as number)) {
      places.push(position);
    } else {
      places.splice(insertionPoint(places, position), 0, position);
    }
    this.firstAt[key] = Math.min(first, position) + 1;
  }

  remove(position: number): void {
    const key = this.keys[position] as number;
    this.keys[position] = NO_KEY;
    if (key === NO_KEY) return;
    const places = this.shared.get(key);
    if (!places) {
      this.firstAt[key] = 0;
      return;
    }
    places.splice(insertionPoint(places, position), 1);
    this.firstAt[key] = (places[0] as number) + 1;
    if (places.length === 1) this.shared.delete(key);
  }

  laterCopies(rows: readonly AnnexRow[]): Map<string, number> {
    const copies: [position: number, first: number][] = [];
    for (const places of this.shared.values()) {
      const first = places[0] as number;
      for (let index = 1; index < places.length; index++) {
        const position = places[index] as number;
        if (sameKey(this.kind, rows[first] as AnnexRow, rows[position] as AnnexRow)) copies.push([position, first]);
      }
    }
    copies.sort((a, b) => a[0] - b[0]);
    return new Map(copies.map(([position, first]) => [(rows[position] as AnnexRow).id, first + 1]));
  }

  private grow(): void {
    const grown = new Int32Array(keyCount() * 2);
    grown.set(this.firstAt);
    this.firstAt = grown;
  }
}

/** The first index in ascending `places` not below `position`. */
function insertionPoint(places: readonly number[], position: number): number {
  let low = 0;
  let high = places.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((places[middle] as number) < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Past this share of rows changed (rows inserted, removed or sorted), the places are made again from the start.
const CHANGED_SHARE_FOLLOWED = 1 / 16;

/**
 * One table's key places, kept up to date from one rows array to the next: an edit replaces a few rows and
 * leaves the others where they were, so only the replaced rows' keys are moved (found from the rows' lineage,
 * else by comparing row objects) instead of every key being placed again.
 */
class TablePlaces {
  // Held while the table is among the latest checked; a WeakRef made per edit would keep every copy of the
  // rows alive until the task ends, so only a table pushed back (a closed document's) is held weakly.
  private followed: readonly AnnexRow[] | undefined;
  private followedWeakly: WeakRef<readonly AnnexRow[]> | undefined;
  private round = -1;
  private readonly whole = new KindPlaces('whole');
  private readonly title = new KindPlaces('title');

  get rows(): readonly AnnexRow[] | undefined {
    return this.followed ?? this.followedWeakly?.deref();
  }

  /** Lets the rows go once nothing else holds them: the places of a closed document's table must not keep it alive. */
  holdWeakly(): void {
    if (!this.followed) return;
    this.followedWeakly = new WeakRef(this.followed);
    this.followed = undefined;
  }

  follow(rows: readonly AnnexRow[]): void {
    const before = this.rows;
    if (rows === before && this.round === numberingRound()) return;
    boundNumbering(rows.length);
    const changed =
      before && this.round === numberingRound() ? replacedPositions(before, rows, Math.max(32, rows.length * CHANGED_SHARE_FOLLOWED)) : undefined;
    if (changed) {
      for (const position of changed) this.place(rows[position] as AnnexRow, position, true);
    } else {
      const fresh = this.round !== numberingRound();
      this.whole.clear(rows.length, fresh);
      this.title.clear(rows.length, fresh);
      for (let position = 0; position < rows.length; position++) this.place(rows[position] as AnnexRow, position, false);
    }
    this.followed = rows;
    this.followedWeakly = undefined;
    this.round = numberingRound();
  }

  /** See the exported laterCopies: `rows` are those just followed. */
  laterCopies(kind: KeyKind, rows: readonly AnnexRow[]): Map<string, number> {
    return this[kind].laterCopies(rows);
  }

  private place(row: AnnexRow, position: number, moving: boolean): void {
    const keys = rowKeys(row);
    for (const places of [this.whole, this.title]) {
      if (moving) {
        if (places.keys[position] === keys[places.kind]) continue;
        places.remove(position);
      }
      places.add(keys[places.kind], position);
    }
  }
}

// Enough for both tables of the open document and of one more (an incoming file, a one-off check).
const TABLES_KEPT = 4;
// The latest checked document's two tables hold their rows; the others only weakly.
const TABLES_HELD = 2;
const kept: TablePlaces[] = [];

/** The key places of a rows array, taken from the kept table most like it: the same rows, or a recent edit of them. */
function keyPlaces(rows: readonly AnnexRow[]): TablePlaces {
  const index = [
    kept.findIndex((table) => table.rows === rows),
    kept.findIndex((table) => table.rows?.length === rows.length && table.rows[0] === rows[0]),
    kept.findIndex((table) => table.rows?.length === rows.length),
  ].find((found) => found >= 0);
  const table = index === undefined ? (kept.length < TABLES_KEPT ? new TablePlaces() : (kept.pop() as TablePlaces)) : (kept.splice(index, 1)[0] as TablePlaces);
  kept.unshift(table);
  table.follow(rows);
  for (const pushedBack of kept.slice(TABLES_HELD)) pushedBack.holdWeakly();
  return table;
}

/** For each row after the first with the same key of a kind, the 通し番号 of that first row; in row order. */
export function laterCopies(rows: readonly AnnexRow[], kind: KeyKind): Map<string, number> {
  return keyPlaces(rows).laterCopies(kind, rows);
}
