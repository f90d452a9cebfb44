import { useEffect, useState } from 'react';
import { isDirty } from '../../../../shared/editing/history';
import { useServices } from '../../state/use-editor';

// Long enough to batch a burst of typing, short enough that a crash loses seconds of work.
const AUTOSAVE_DELAY_MS = 1500;

/**
 * Keeps unsaved work in the app's data folder, so a crash is followed by a recovery offer.
 * Returns why the last autosave failed (a full disk or storage), or null: the user must know their work is unguarded.
 */
export function useAutosave(): string | null {
  const { store, bridge, io } = useServices();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastWritten: unknown;
    const unsubscribe = store.subscribe(() => {
      const { history, file } = store.getState();
      // Saved: the autosave is cleared, and so is any complaint about it.
      if (!isDirty(history)) setProblem(null);
      if (!isDirty(history) || history.present === lastWritten) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Saved in the meantime: nothing left to keep.
        if (!isDirty(store.getState().history)) return;
        const present = store.getState().history.present;
        lastWritten = present;
        // The JSON text is made in the file worker: at 50,000 rows it would hold the window for most of a second.
        io.jsonText(present).then(
          async (documentJson) => {
            const result = await bridge.writeAutosave({
              documentJson,
              filePath: file?.path ?? null,
              fileMtimeMs: file?.mtimeMs ?? null,
              savedAt: new Date().toISOString(),
            });
            setProblem(result.ok ? null : result.error.message);
            // Failed: the next change tries again.
            if (!result.ok) lastWritten = undefined;
          },
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
  return problem;
}
