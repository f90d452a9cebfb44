/**
 * Runs `step` as a series of tasks until it returns true, giving the browser a turn (input, paint)
 * between them. A MessageChannel task, unlike a nested setTimeout, is not clamped to 4 ms.
 * Returns a function that stops the series.
 */
export function yieldToBrowser(step: () => boolean): () => void {
  const channel = new MessageChannel();
  let stopped = false;
  channel.port1.onmessage = () => {
    if (stopped) return;
    if (step()) stop();
    else channel.port2.postMessage(null);
  };
  const stop = (): void => {
    stopped = true;
    channel.port1.close();
  };
  channel.port2.postMessage(null);
  return stop;
}
