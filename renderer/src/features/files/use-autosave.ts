import { useEffect } from 'react';
import { isDirty } from '../../../../shared/editing/history';
import { useServices } from '../../state/use-editor';
import { autosaveText } from './file-actions';

// Long enough to batch a burst of typing, short enough that a crash loses seconds of work.
const AUTOSAVE_DELAY_MS = 1500;

/** Keeps unsaved work in the app's data folder, so a crash is followed by a recovery offer. */
export function useAutosave(): void {
  const { store, bridge, io } = useServices();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastWritten: unknown;
    const unsubscribe = store.subscribe(() => {
      const { history, file } = store.getState();
      if (!isDirty(history) || history.present === lastWritten) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Saved in the meantime: nothing left to keep.
        if (!isDirty(store.getState().history)) return;
        const present = store.getState().history.present;
        lastWritten = present;
        // The JSON text is made in the file worker: at 50,000 rows it would hold the window for most of a second.
        void autosaveText(io, present).then(
          (documentJson) =>
            bridge.writeAutosave({
              documentJson,
              filePath: file?.path ?? null,
              fileMtimeMs: file?.mtimeMs ?? null,
              savedAt: new Date().toISOString(),
            }),
          // Cancelled with other file work: the next change writes it again.
          () => {
            lastWritten = undefined;
          },
        );
      }, AUTOSAVE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, bridge, io]);
}
