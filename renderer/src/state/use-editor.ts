import { createContext, useContext, useSyncExternalStore } from 'react';
import type { RendererBridge } from '../bridge/renderer-bridge';
import type { DocumentIo } from '../workers/document-io';
import type { EditorState, EditorStore } from './editor-store';

/** What every feature may reach: the document store, the bridge and the file worker. */
export interface EditorServices {
  readonly store: EditorStore;
  readonly bridge: RendererBridge;
  readonly io: DocumentIo;
}

export const EditorContext = createContext<EditorServices | null>(null);

export function useServices(): EditorServices {
  const services = useContext(EditorContext);
  if (!services) throw new Error('EditorContext is missing');
  return services;
}

/** Subscribes to a slice of the editor state; re-renders only when that slice changes. */
export function useEditor<T>(select: (state: EditorState) => T): T {
  const { store } = useServices();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
