// The bridge must exist before anything touches window.digitalPost: in browser mode it is installed here, in
// Electron the preload already put it there and this call does nothing.
import { installBrowserBridgeIfNeeded } from './bridge/browser-bridge';
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { initI18n } from './i18n';
import { App } from './components/App';
import { useAppStore } from './store';
import { parseLetterHash } from '../shared/ipc/letter-route';
import { LetterPage } from './components/LetterPage';
import './styles.css';

installBrowserBridgeIfNeeded();
// "Åbn" on an HTML letter opens the app at #letter=…: that letter alone, none of the app around it.
const letter = parseLetterHash(window.location.hash);
// The first requests go out before React has rendered anything; App's own call then finds them under way.
if (!letter) void useAppStore.getState().startup();
initI18n();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(<StrictMode>{letter ? <LetterPage letter={letter} /> : <App />}</StrictMode>);
}
