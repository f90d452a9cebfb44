export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

// Enough of the title bar on screen for the user to grab it and drag the window back.
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 40;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The saved bounds if the window would still be reachable on one of today's displays (a laptop undocked
 * from its second monitor would otherwise open the editor off-screen); else null for the default place.
 */
export function restorableBounds(saved: Rect | null, workAreas: readonly Rect[]): Rect | null {
  if (!saved) return null;
  const values = [saved.x, saved.y, saved.width, saved.height];
  if (!values.every(Number.isFinite) || saved.width <= 0 || saved.height <= 0) return null;
  const reachable = workAreas.some((area) => {
    const visible = overlap(saved, area);
    // The title bar is the top strip: it must itself be inside the work area.
    const titleBarInside = saved.y >= area.y && saved.y < area.y + area.height;
    return titleBarInside && visible.width >= MIN_VISIBLE_WIDTH && visible.height >= MIN_VISIBLE_HEIGHT;
  });
  return reachable ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : null;
}
