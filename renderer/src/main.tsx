import '@fontsource/biz-udpgothic';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { builtinAnnex } from '../../shared/builtin-annex';
import { App } from './App';
import { createBridge } from './bridge';
import { createDialogService } from './features/dialogs/dialog-service';
import { BUILTIN_NAME } from './features/files/file-actions';
import { createEditorStore } from './state/editor-store';
import { EditorContext, type EditorServices } from './state/use-editor';
import { createDocumentIo } from './workers/document-io';

const container = document.getElementById('root');
if (!container) throw new Error('#root が見つかりません');

const services: EditorServices = {
  store: createEditorStore(builtinAnnex(), BUILTIN_NAME),
  bridge: createBridge(),
  io: createDocumentIo(),
};
const dialogs = createDialogService();

createRoot(container).render(
  <StrictMode>
    <EditorContext value={services}>
      <App dialogs={dialogs} />
    </EditorContext>
  </StrictMode>,
);
