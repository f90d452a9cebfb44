import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { stringifyAnnexJson } from '../../../../shared/codec/annex-json';
import type { EditCommand } from '../../../../shared/editing/edit-command';
import type { PrintJob } from '../../../../shared/ipc/contract';
import { DEFAULT_SETTINGS, TABLE_KINDS, type AnnexDocument, type PaperSize, type TableKind } from '../../../../shared/model/annex-document';
import { TABLE_LABELS } from '../../../../shared/model/table-names';
import { MAX_START_PAGE, PAPER_SIZES, type PrintOptions } from '../../../../shared/print/print-options';
import type { DialogService } from '../dialogs/dialog-service';
import type { RendererBridge } from '../../bridge/renderer-bridge';
import { PrintLayoutProgress } from './PrintLayoutProgress';
import { PageStyle, PrintPageView } from './PrintPageView';
import { PrintThumbnails } from './PrintThumbnails';
import { ScaledSheet, sheetSizePx } from './ScaledSheet';
import { usePrintLayout, type PrintLayout } from './use-print-layout';
import './print.css';

/** The largest scale at which a sheet fits the element's box. */
function useFitScale(layout: PrintLayout | null): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 800, height: 600 });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setBox({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  if (!layout) return [ref, 0.5];
  const size = sheetSizePx(layout.geometry);
  return [ref, Math.max(0.1, Math.min((box.width - 32) / size.width, (box.height - 32) / size.height))];
}

export interface PrintPreviewProps {
  readonly document: AnnexDocument;
  readonly bridge: RendererBridge;
  readonly dialogs: DialogService;
  /** The PDF's suggested name, from the document's file name. */
  readonly suggestedName: string;
  /** The paper is a document setting: changing it is an undoable command. */
  readonly onCommand: (command: EditCommand) => void;
  readonly onClose: () => void;
}

/**
 * 印刷プレビュー: the print view's pages as thumbnails and one large, with the choices that shape them,
 * and the two ways out: a PDF (Electron's printToPDF; the browser's print dialog) and the system print dialog.
 */
export function PrintPreview({ document, bridge, dialogs, suggestedName, onCommand, onClose }: PrintPreviewProps) {
  const paper: PaperSize = document.settings?.paperSize ?? DEFAULT_SETTINGS.paperSize;
  const [tables, setTables] = useState<readonly TableKind[]>(TABLE_KINDS);
  const [startText, setStartText] = useState('1');
  const [overview, setOverview] = useState(false);
  const [selected, setSelected] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const startPage = /^\d+$/.test(startText) ? Math.min(Math.max(Number(startText), 1), MAX_START_PAGE) : 1;
  const options: PrintOptions = useMemo(() => ({ tables: [...tables], paper, startPage, overview }), [tables, paper, startPage, overview]);
  const { layout, current, error, measurer, progress } = usePrintLayout(document, options);
  const [browserPrint, setBrowserPrint] = useState(false);
  const [mainRef, mainScale] = useFitScale(layout);
  const pages = layout?.pages ?? [];
  const shownIndex = Math.min(selected, pages.length - 1);
  const shown = pages[shownIndex];
  const ready = current && layout !== null && busy === null;
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => dialogRef.current?.focus(), []);
  useEffect(() => setSelected((index) => Math.min(index, Math.max(pages.length - 1, 0))), [pages.length]);

  // The browser prints the sheets in the page. A long annex has thousands: they are drawn only to print.
  const drawForBrowserPrint = useCallback((): void => {
    if (bridge.kind === 'browser') flushSync(() => setBrowserPrint(true));
  }, [bridge.kind]);
  useEffect(() => setBrowserPrint(false), [layout]);
  useEffect(() => {
    if (bridge.kind !== 'browser') return undefined;
    const after = (): void => setBrowserPrint(false);
    // The browser's own print command prints the open preview too.
    window.addEventListener('beforeprint', drawForBrowserPrint);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', drawForBrowserPrint);
      window.removeEventListener('afterprint', after);
    };
  }, [bridge.kind, drawForBrowserPrint]);

  const job = useCallback((): PrintJob => ({ documentJson: stringifyAnnexJson(document), options }), [document, options]);

  const exportPdf = async (): Promise<void> => {
    setNotice(null);
    if (bridge.kind === 'browser') {
      drawForBrowserPrint();
      await bridge.printToPdf(job());
      return;
    }
    const place = await bridge.chooseSavePath(suggestedName, 'pdf-export');
    if (!place.ok) return dialogs.inform('PDF に書き出せません', place.error.message);
    if (!place.value) return;
    setBusy('PDF を作成しています…');
    try {
      const pdf = await bridge.printToPdf(job());
      if (!pdf.ok) return await dialogs.inform('PDF に書き出せません', pdf.error.message);
      if (!pdf.value) return;
      const saved = await bridge.save(place.value.path, pdf.value.bytes, null);
      if (!saved.ok) return await dialogs.inform('PDF を保存できません', saved.error.message);
      setNotice(`${saved.value.name} に書き出しました（${pdf.value.pages} ページ）`);
    } finally {
      setBusy(null);
    }
  };

  const printSystem = async (): Promise<void> => {
    setNotice(null);
    setBusy(bridge.kind === 'browser' ? null : '印刷の準備をしています…');
    drawForBrowserPrint();
    try {
      const printed = await bridge.printSystem(job());
      if (!printed.ok) await dialogs.inform('印刷できません', printed.error.message);
    } finally {
      setBusy(null);
    }
  };

  const toggleTable = (table: TableKind, on: boolean): void => {
    const next = TABLE_KINDS.filter((kind) => (kind === table ? on : tables.includes(kind)));
    if (next.length > 0) setTables(next);
  };

  const status = error
    ? `レイアウトできません：${error}`
    : !current || !layout
      ? 'レイアウト中…'
      : `全 ${layout.summary.pages} ページ（${paper} 横、${layout.summary.parts
          .map((part) => `${part.part === 'overview' ? '取組の分布' : TABLE_LABELS[part.part]} ${part.pages} ページ`)
          .join('、')}）`;

  return (
    <div
      ref={dialogRef}
      className="print-preview"
      role="dialog"
      aria-modal="true"
      aria-labelledby="print-preview-title"
      data-testid="print-preview"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && busy === null) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="print-preview-bar">
        <h2 id="print-preview-title">印刷プレビュー</h2>
        <label>
          用紙
          <select
            value={paper}
            onChange={(event) => {
              const next = event.target.value as PaperSize;
              onCommand({ type: 'set-settings', label: `用紙を ${next} に変更`, settings: { paperSize: next } });
            }}
          >
            {PAPER_SIZES.map((size) => (
              <option key={size} value={size}>
                {size} 横
              </option>
            ))}
          </select>
        </label>
        <fieldset className="print-preview-tables">
          <legend>表</legend>
          {TABLE_KINDS.map((table) => (
            <label key={table}>
              <input type="checkbox" checked={tables.includes(table)} onChange={(event) => toggleTable(table, event.target.checked)} />
              {TABLE_LABELS[table]}
            </label>
          ))}
        </fieldset>
        <label>
          開始ページ番号
          <input
            type="number"
            min={1}
            max={MAX_START_PAGE}
            value={startText}
            onChange={(event) => setStartText(event.target.value)}
            className="print-preview-start"
          />
        </label>
        <label>
          <input type="checkbox" checked={overview} onChange={(event) => setOverview(event.target.checked)} />
          取組の分布のページを付ける
        </label>
        <span className="print-preview-actions">
          <button type="button" className="primary" disabled={!ready} onClick={() => void exportPdf()}>
            PDF に書き出し
          </button>
          <button type="button" disabled={!ready} onClick={() => void printSystem()}>
            印刷
          </button>
          <button type="button" onClick={onClose} disabled={busy !== null}>
            閉じる
          </button>
        </span>
      </header>
      <p className="print-preview-status" data-testid="print-status" role="status">
        {busy ?? notice ?? status}
      </p>
      {bridge.kind === 'browser' && (
        <p className="print-preview-note">
          ブラウザ版では「PDF に書き出し」も「印刷」もブラウザの印刷ダイアログを開きます。PDF にするには送信先で「PDF に保存」を選び、余白は「なし」、倍率は 100% にしてください。
        </p>
      )}
      {layout && current && layout.summary.oversizeRows.length > 0 && (
        <p className="print-preview-warning" role="alert">
          1 ページに収まらず下が切れる行があります：
          {layout.summary.oversizeRows.map((row) => `${TABLE_LABELS[row.table]} 通し番号 ${row.number}`).join('、')}
        </p>
      )}
      <div className="print-preview-body">
        <PrintThumbnails layout={layout} selected={shownIndex} onSelect={setSelected} />
        <div className="print-preview-main" ref={mainRef} data-testid="print-page-large">
          {layout && shown && (
            <ScaledSheet geometry={layout.geometry} scale={mainScale}>
              <PrintPageView layout={layout} page={shown} />
            </ScaledSheet>
          )}
        </div>
      </div>
      {measurer}
      {!current && !error && <PrintLayoutProgress progress={progress} onCancel={onClose} />}
      {browserPrint &&
        layout &&
        current &&
        createPortal(
          <div className="print-output">
            <PageStyle layout={layout} />
            {pages.map((page) => (
              <PrintPageView key={`${page.kind}:${page.number}`} layout={layout} page={page} />
            ))}
          </div>,
          globalThis.document.body,
        )}
    </div>
  );
}
