import '@fontsource/biz-udpgothic';
import './features/print/print.css';
import { createRoot } from 'react-dom/client';
import { parseAnnexJson } from '../../shared/codec/annex-json';
import { describeLoadProblem } from '../../shared/model/load-problem';
import { printOptionsSchema, type PrintRenderResult } from '../../shared/print/print-options';
import { PrintDocument } from './features/print/PrintDocument';

/**
 * The print page (print.html): the annex in its printed layout and nothing else. Whoever prints it (the
 * app's hidden print window, `annex pdf` in headless Chromium) loads the page, then calls
 * `annexPrint.render(documentJson, options)` and prints once the promise resolves. The page parses and
 * checks the document itself, as the editor does with a file.
 */
declare global {
  interface Window {
    annexPrint?: { render(documentJson: string, options: unknown): Promise<PrintRenderResult> };
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('#root が見つかりません');
const root = createRoot(container);

window.annexPrint = {
  render(documentJson, rawOptions) {
    const parsed = typeof documentJson === 'string' ? parseAnnexJson(documentJson) : undefined;
    if (!parsed?.ok) {
      const problem = parsed?.ok === false ? parsed.error[0] : undefined;
      return Promise.resolve({ ok: false, message: problem ? describeLoadProblem(problem) : '文書が JSON の文字列ではありません' });
    }
    const options = printOptionsSchema.safeParse(rawOptions);
    if (!options.success) return Promise.resolve({ ok: false, message: '印刷の設定が正しくありません' });
    return new Promise((resolve) => {
      root.render(
        <PrintDocument
          document={parsed.value}
          options={options.data}
          onLaidOut={(summary) => resolve({ ok: true, summary })}
          onError={(message) => resolve({ ok: false, message })}
        />,
      );
    });
  },
};
