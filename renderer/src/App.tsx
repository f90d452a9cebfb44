import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applySafeFixes, applyFix } from '../../shared/validation/apply-fixes';
import { isDirty, redoLabel, undoLabel } from '../../shared/editing/history';
import type { EditCommand } from '../../shared/editing/edit-command';
import type { MenuCommand } from '../../shared/ipc/contract';
import { TABLE_KINDS, type TableKind } from '../../shared/model/annex-document';
import { TABLE_LABELS } from '../../shared/model/table-names';
import type { ValidationIssue } from '../../shared/validation/issue';
import { assertNever } from '../../shared/result';
import { DialogHost } from './features/dialogs/DialogHost';
import type { DialogServiceWithHost } from './features/dialogs/dialog-service';
import { createFileActions } from './features/files/file-actions';
import { useAutosave } from './features/files/use-autosave';
import { FilterBar } from './features/filters/FilterBar';
import { NO_FILTER, visibleRowIds, type RowFilter } from './features/filters/row-filter';
import { FindReplacePanel } from './features/find/FindReplacePanel';
import { OverviewView } from './features/print/OverviewView';
import { PrintPreview } from './features/print/PrintPreview';
import { AnnexGrid } from './features/grid/AnnexGrid';
import type { AnnexGridHandle, GridCell } from './features/grid/grid-props';
import { isTextEntry } from './features/shortcuts/text-entry';
import { useShortcuts } from './features/shortcuts/use-shortcuts';
import { IoProgress } from './features/progress/IoProgress';
import { StatusBar } from './features/status/StatusBar';
import { useSubmissions } from './features/submissions/use-submissions';
import { Toolbar } from './features/toolbar/Toolbar';
import { ProblemsPanel } from './features/validation/ProblemsPanel';
import { useValidation } from './features/validation/use-validation';
import { useEditor, useServices } from './state/use-editor';

// Commands that leave the document as it is: they may run while the collection's dialog or review is open over it.
const SAFE_UNDER_SUBMISSIONS: ReadonlySet<MenuCommand> = new Set(['save', 'save-as', 'save-and-close']);

export function App({ dialogs }: { readonly dialogs: DialogServiceWithHost }) {
  const services = useServices();
  const { store, bridge } = services;
  const history = useEditor((state) => state.history);
  const file = useEditor((state) => state.file);
  const untitledName = useEditor((state) => state.untitledName);
  const document = history.present;
  const dirty = isDirty(history);
  const fileName = file?.name ?? untitledName;
  const { issues, checking, validator } = useValidation(document);
  const [ready, setReady] = useState(false);
  const [table, setTable] = useState<TableKind>('city');
  // The workspace shows a table's grid, or the overview (initiatives per concept and per 部).
  const [view, setView] = useState<'table' | 'overview'>('table');
  const [printing, setPrinting] = useState(false);
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [showProblems, setShowProblems] = useState(true);
  const [findMode, setFindMode] = useState<'find' | 'replace' | null>(null);
  const [focusRequest, setFocusRequest] = useState<(GridCell & { seq: number }) | undefined>();
  const grid = useRef<AnnexGridHandle>(null);
  const actions = useMemo(() => createFileActions(services, dialogs), [services, dialogs]);
  const focusGrid = useCallback(() => grid.current?.focus(), []);
  const submissions = useSubmissions(services, dialogs, focusGrid);

  // StrictMode runs effects twice in development; the document must be chosen once.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void actions.startup().finally(() => setReady(true));
  }, [actions]);
  const autosaveProblem = useAutosave();
  useEffect(() => bridge.setDocumentState(fileName, dirty), [bridge, fileName, dirty]);

  const tableIssues = useMemo(() => issues.filter((issue) => issue.table === table), [issues, table]);
  const visible = useMemo(() => visibleRowIds(document.tables[table], tableIssues, filter), [document, table, tableIssues, filter]);
  const dispatch = useCallback((command: EditCommand) => store.dispatch(command), [store]);

  const jumpTo = useCallback((cell: GridCell, cellTable: TableKind = table) => {
    setView('table');
    setTable(cellTable);
    setFocusRequest((previous) => ({ ...cell, seq: (previous?.seq ?? 0) + 1 }));
  }, [table]);

  const fixAllSafe = useCallback(() => {
    const { document: fixed, applied } = applySafeFixes(store.getState().history.present, validator);
    if (applied > 0) store.dispatch({ type: 'replace-document', label: `まとめて修正（${applied} 件）`, document: fixed });
  }, [store, validator]);

  const fixOne = useCallback(
    (issue: ValidationIssue) => {
      if (!issue.fix) return;
      store.dispatch({ type: 'replace-document', label: issue.fix.label, document: applyFix(store.getState().history.present, issue) });
    },
    [store],
  );

  const runCommand = useCallback(
    (command: MenuCommand): void => {
      if (submissions.modal && !SAFE_UNDER_SUBMISSIONS.has(command)) return;
      switch (command) {
        case 'new':
          return void actions.newDocument();
        case 'open':
          return void actions.open();
        case 'save':
          return void actions.save();
        case 'save-as':
          return void actions.saveAs();
        case 'save-and-close':
          // Main closes the window once it hears the document is clean; report either way, so a
          // cancelled or failed save also ends main's wait.
          return void actions.save().finally(() => {
            const state = store.getState();
            bridge.setDocumentState(state.file?.name ?? state.untitledName, isDirty(state.history));
          });
        case 'import':
          return void actions.importInto();
        case 'export-xlsx':
          return void actions.exportAs('xlsx-export');
        case 'export-json':
          return void actions.exportAs('json-export');
        case 'print':
          return setPrinting(true);
        case 'send-submissions':
          return submissions.send();
        case 'receive-submissions':
          return submissions.receive();
        case 'undo':
          // In a text field the field's own undo applies, as everywhere on Windows.
          if (isTextEntry(globalThis.document.activeElement)) return void globalThis.document.execCommand('undo');
          return store.undo();
        case 'redo':
          if (isTextEntry(globalThis.document.activeElement)) return void globalThis.document.execCommand('redo');
          return store.redo();
        case 'find':
          return setFindMode('find');
        case 'replace':
          return setFindMode('replace');
        case 'toggle-problems':
          return setShowProblems((shown) => !shown);
        default:
          return assertNever(command);
      }
    },
    [actions, bridge, store, submissions.modal, submissions.send, submissions.receive],
  );

  useShortcuts(bridge.kind === 'browser', runCommand);
  useEffect(() => bridge.on('menu:command', runCommand), [bridge, runCommand]);
  useEffect(() => bridge.on('menu:open-recent', (path) => void actions.open(path)), [bridge, actions]);
  useEffect(() => bridge.on('app:open-file', (path) => void actions.open(path)), [bridge, actions]);

  const toolbar = [
    [
      { id: 'new', label: '新規', run: () => runCommand('new') },
      { id: 'open', label: '開く', title: '開く (Ctrl+O)', run: () => runCommand('open') },
      { id: 'save', label: '上書き保存', title: '上書き保存 (Ctrl+S)', run: () => runCommand('save') },
      { id: 'save-as', label: '名前を付けて保存', run: () => runCommand('save-as') },
      { id: 'import', label: '取り込み', run: () => runCommand('import') },
      { id: 'export-xlsx', label: 'Excel に書き出し', run: () => runCommand('export-xlsx') },
      { id: 'print', label: '印刷・PDF', title: '印刷プレビュー (Ctrl+P)', run: () => runCommand('print') },
    ],
    [
      { id: 'send-submissions', label: '提出用ファイルの作成', title: '提出用ファイルの作成…（各課に送る Excel ブック）', run: () => runCommand('send-submissions') },
      { id: 'receive-submissions', label: '提出ファイルの取り込み', title: '提出ファイルの取り込み…（複数のファイルやフォルダーをウィンドウにドロップしても取り込めます）', run: () => runCommand('receive-submissions') },
    ],
    [
      { id: 'undo', label: '元に戻す', title: `元に戻す (Ctrl+Z)${undoLabel(history) ? `: ${undoLabel(history)}` : ''}`, disabled: history.past.length === 0, run: () => store.undo() },
      { id: 'redo', label: 'やり直し', title: `やり直し (Ctrl+Y)${redoLabel(history) ? `: ${redoLabel(history)}` : ''}`, disabled: history.future.length === 0, run: () => store.redo() },
    ],
    [
      { id: 'insert-above', label: '上に行を挿入', run: () => grid.current?.insertRows('above') },
      { id: 'insert-below', label: '下に行を挿入', run: () => grid.current?.insertRows('below') },
      { id: 'delete-rows', label: '行を削除', run: () => grid.current?.deleteSelectedRows() },
      { id: 'duplicate-rows', label: '行を複製', run: () => grid.current?.duplicateSelectedRows() },
      { id: 'move-up', label: '上へ', title: '行を上へ (Alt+↑)', run: () => grid.current?.moveSelectedRows(-1) },
      { id: 'move-down', label: '下へ', title: '行を下へ (Alt+↓)', run: () => grid.current?.moveSelectedRows(1) },
    ],
    [
      { id: 'find', label: '検索', title: '検索 (Ctrl+F)', run: () => runCommand('find') },
      { id: 'replace', label: '置換', title: '置換 (Ctrl+H)', run: () => runCommand('replace') },
      { id: 'problems', label: showProblems ? '問題を隠す' : '問題を表示', title: '問題の一覧 (F8)', run: () => runCommand('toggle-problems') },
    ],
  ];

  return (
    <div
      className="app"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        // Several files or a folder are sections' answers; one file is opened as the annex.
        if (submissions.receiveDrop(event.dataTransfer)) return;
        const dropped = event.dataTransfer.files[0];
        if (dropped) void actions.openDropped(dropped);
      }}
    >
      <header className="app-header">
        <h1>
          <span className="document-name">{fileName}</span>
          {dirty && <span className="dirty-mark" title="未保存の変更があります">●</span>}
          <span className="plan-title">{document.plan.title}</span>
        </h1>
        <Toolbar groups={toolbar} />
      </header>
      <nav className="tabs" role="tablist" aria-label="表">
        {TABLE_KINDS.map((kind) => {
          const count = issues.filter((issue) => issue.table === kind && issue.severity === 'error').length;
          return (
            <button
              key={kind}
              type="button"
              role="tab"
              aria-selected={view === 'table' && kind === table}
              className="tab"
              onClick={() => {
                setView('table');
                setTable(kind);
              }}
            >
              {TABLE_LABELS[kind]}
              <span className="tab-rows">{document.tables[kind].rows.length} 行</span>
              {count > 0 && <span className="tab-errors">エラー {count}</span>}
            </button>
          );
        })}
        <button type="button" role="tab" aria-selected={view === 'overview'} className="tab" onClick={() => setView('overview')}>
          取組の分布
        </button>
      </nav>
      {view === 'table' && <FilterBar document={document} table={table} filter={filter} onChange={setFilter} />}
      {findMode && (
        <FindReplacePanel
          document={document}
          table={table}
          mode={findMode}
          onJump={(cell) => jumpTo(cell)}
          onCommand={dispatch}
          onClose={() => {
            setFindMode(null);
            grid.current?.focus();
          }}
          inform={(message) => void dialogs.inform('検索', message)}
        />
      )}
      <main className="workspace">
        {view === 'overview' ? (
          <section className="grid-area">
            <OverviewView document={document} />
          </section>
        ) : (
          <section className="grid-area" aria-label={`${TABLE_LABELS[table]}の表`}>
            {ready ? (
              <AnnexGrid
                key={table}
                document={document}
                table={table}
                issues={tableIssues}
                onCommand={dispatch}
                {...(visible ? { visibleRowIds: visible } : {})}
                {...(focusRequest ? { focusRequest } : {})}
                confirm={dialogs.confirm}
                handleRef={grid}
              />
            ) : (
              <p className="loading">読み込み中…</p>
            )}
          </section>
        )}
        {showProblems && (
          <ProblemsPanel
            document={document}
            issues={issues}
            checking={checking}
            onJump={(issue) => jumpTo({ rowId: issue.rowId, column: issue.column }, issue.table)}
            onFix={fixOne}
            onFixAllSafe={fixAllSafe}
            onClose={() => setShowProblems(false)}
          />
        )}
      </main>
      <IoProgress io={services.io} />
      <StatusBar table={document.tables[table]} visibleRows={visible?.size ?? document.tables[table].rows.length} issues={tableIssues} checking={checking} dirty={dirty} autosaveProblem={autosaveProblem} fileName={fileName} />
      {printing && (
        <PrintPreview
          document={document}
          bridge={bridge}
          dialogs={dialogs}
          suggestedName={`${fileName.replace(/\.[^.]+$/, '')}.pdf`}
          onCommand={dispatch}
          onClose={() => {
            setPrinting(false);
            grid.current?.focus();
          }}
        />
      )}
      {submissions.view}
      <DialogHost dialogs={dialogs} />
    </div>
  );
}
