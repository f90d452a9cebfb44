import { useEffect } from 'react';
import type { AnnexDocument } from '../../../../shared/model/annex-document';
import type { PrintOptions, PrintSummary } from '../../../../shared/print/print-options';
import { loadPrintFonts, nextTask } from './print-fonts';
import { PageStyle, PrintPageView } from './PrintPageView';
import { usePrintLayout } from './use-print-layout';

/**
 * The whole print, sheet after sheet: what print.html shows and prints. `onLaidOut` is called once the
 * pages of these inputs are in the DOM with their fonts, so printing may start.
 */
export function PrintDocument({
  document,
  options,
  onLaidOut,
  onError,
}: {
  readonly document: AnnexDocument;
  readonly options: PrintOptions;
  readonly onLaidOut?: (summary: PrintSummary) => void;
  readonly onError?: (message: string) => void;
}) {
  const { layout, current, error, measurer } = usePrintLayout(document, options);
  useEffect(() => {
    if (error) onError?.(error);
  }, [error, onError]);
  useEffect(() => {
    if (!current || !layout) return;
    let cancelled = false;
    // The pages may draw characters the measuring sheets did not (page numbers): wait for their fonts too.
    void loadPrintFonts(document)
      .then(nextTask)
      .then(() => {
        if (!cancelled) onLaidOut?.(layout.summary);
      });
    return () => {
      cancelled = true;
    };
  }, [current, layout, document, onLaidOut]);
  return (
    <>
      {measurer}
      {layout && current && (
        <>
          <PageStyle layout={layout} />
          {layout.pages.map((page) => (
            <PrintPageView key={`${page.kind}:${page.number}`} layout={layout} page={page} />
          ))}
        </>
      )}
    </>
  );
}
