import { memo, useEffect, useRef, useState } from 'react';
import type { PrintPage } from '../../../../shared/print/paginate';
import { yieldToBrowser } from '../validation/yield-to-browser';
import { pageLabel, PrintPageView } from './PrintPageView';
import { ScaledSheet, sheetSizePx } from './ScaledSheet';
import type { PrintLayout } from './use-print-layout';

const THUMBNAIL_WIDTH_PX = 168;
/** Thumbnails drawn at once; the rest when they scroll into view. */
const DRAWN_AT_ONCE = 12;
/** Thumbnails added to the list per task: thousands at once would hold the window for a moment. */
const LISTED_PER_TASK = 200;

interface SeenWatcher {
  watch(element: Element, onSeen: () => void): () => void;
  disconnect(): void;
}

/** One observer for every thumbnail: thousands of observers would each be checked on every frame. */
function createSeenWatcher(): SeenWatcher | null {
  if (typeof IntersectionObserver === 'undefined') return null;
  const waiting = new Map<Element, () => void>();
  const forget = (element: Element): void => {
    waiting.delete(element);
    observer.unobserve(element);
  };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      waiting.get(entry.target)?.();
      forget(entry.target);
    }
  });
  return {
    watch(element, onSeen) {
      waiting.set(element, onSeen);
      observer.observe(element);
      return () => forget(element);
    },
    disconnect: () => observer.disconnect(),
  };
}

/** A thumbnail drawn only once it scrolls into view: a long annex has thousands of pages. */
const Thumbnail = memo(function Thumbnail({
  layout,
  page,
  index,
  selected,
  watcher,
  onSelect,
}: {
  readonly layout: PrintLayout;
  readonly page: PrintPage;
  readonly index: number;
  readonly selected: boolean;
  readonly watcher: SeenWatcher | null;
  readonly onSelect: (index: number) => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const [seen, setSeen] = useState(index < DRAWN_AT_ONCE || watcher === null);
  useEffect(() => {
    if (seen || !ref.current || !watcher) return undefined;
    return watcher.watch(ref.current, () => setSeen(true));
  }, [seen, watcher]);
  const size = sheetSizePx(layout.geometry);
  const scale = THUMBNAIL_WIDTH_PX / size.width;
  return (
    <li>
      <button
        ref={ref}
        type="button"
        className="print-thumbnail"
        aria-label={pageLabel(page)}
        aria-current={selected ? 'page' : undefined}
        data-testid="print-thumbnail"
        onClick={() => onSelect(index)}
      >
        {seen ? (
          <ScaledSheet geometry={layout.geometry} scale={scale}>
            <PrintPageView layout={layout} page={page} />
          </ScaledSheet>
        ) : (
          <div className="scaled-sheet" style={{ width: THUMBNAIL_WIDTH_PX, height: size.height * scale }} />
        )}
        <span className="print-thumbnail-number">{page.number}</span>
      </button>
    </li>
  );
});

/** The pages as a column of thumbnails; a click shows the page large. */
export const PrintThumbnails = memo(function PrintThumbnails({
  layout,
  selected,
  onSelect,
}: {
  readonly layout: PrintLayout | null;
  readonly selected: number;
  readonly onSelect: (index: number) => void;
}) {
  const [watcher] = useState(createSeenWatcher);
  useEffect(() => () => watcher?.disconnect(), [watcher]);
  const [listed, setListed] = useState({ layout, count: LISTED_PER_TASK });
  const count = listed.layout === layout ? listed.count : LISTED_PER_TASK;
  const total = layout?.pages.length ?? 0;
  useEffect(() => {
    if (count >= total) return undefined;
    return yieldToBrowser(() => {
      setListed({ layout, count: count + LISTED_PER_TASK });
      return true;
    });
  }, [layout, count, total]);
  return (
    <ol className="print-thumbnails" aria-label="ページ">
      {layout?.pages.slice(0, count).map((page, index) => (
        <Thumbnail
          key={`${page.kind}:${page.number}`}
          layout={layout}
          page={page}
          index={index}
          selected={index === selected}
          watcher={watcher}
          onSelect={onSelect}
        />
      ))}
    </ol>
  );
});
