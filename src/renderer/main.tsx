// The bridge must exist before anything touches window.digitalPost: in browser mode it is installed here, in
// Electron the preload already put it there and this call does nothing.
import { installBrowserBridgeIfNeeded } from './bridge/browser-bridge';
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { initI18n } from './i18n';
import { App } from './components/App';
import { useAppStore } from './store';
import './styles.css';

installBrowserBridgeIfNeeded();
// The first requests go out before React has rendered anything; App's own call then finds them under way.
void useAppStore.getState().startup();
initI18n();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
