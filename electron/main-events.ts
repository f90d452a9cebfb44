import type { WebContents } from 'electron';
import { mainEventSchemas, type MainEvent, type MainEventPayload } from '../shared/ipc/contract';

/** Sends a main → renderer event, checked against its schema; returns false if the page is gone. */
export function sendMainEvent<E extends MainEvent>(
  webContents: Pick<WebContents, 'send' | 'isDestroyed'>,
  event: E,
  payload: MainEventPayload<E>,
): boolean {
  if (webContents.isDestroyed()) return false;
  webContents.send(event, mainEventSchemas[event].parse(payload));
  return true;
}
