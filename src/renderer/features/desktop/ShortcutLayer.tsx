import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal';
import { useAppStore } from '../../store';
import { selectedMailbox } from '../../store/mailboxes';
import { isOffline } from '../archive/offline';
import { useArchiveStore } from '../archive/store/archive-store';
import { SHORTCUT_GROUPS, SHORTCUTS, onShortcut, runShortcut, shortcutFor, type Shortcut } from './shortcuts';
import './desktop.css';

const store = useAppStore.getState;

/** A modal dialog (the composer, a confirmation, settings) owns the keyboard while it is open. */
const modalOpen = () => document.querySelector('[aria-modal="true"]') !== null;

/** Opens the letter `step` places from the open one in the list (the first when none is open). */
function openNeighbour(step: 1 | -1): boolean {
  const { messages, openMessageId } = store();
  if (messages.length === 0) return false;
  const at = messages.findIndex((m) => m.id === openMessageId);
  const next = messages[at < 0 ? 0 : Math.min(messages.length - 1, Math.max(0, at + step))];
  if (!next || next.id === openMessageId) return false;
  void store().openMessage(next.id);
  return true;
}

function focusSearch(): boolean {
  const box = document.querySelector<HTMLInputElement>('form[role="search"] input');
  if (!box) return false;
  box.focus();
  box.select();
  return true;
}

/**
 * The keyboard layer of the mail screen: runs the registry's shortcuts from anywhere outside a field, and shows every
 * shortcut on "?". Reply and forward are registered by the open letter's actions, which know whether they are allowed.
 */
export function ShortcutLayer() {
  const [helpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const off = [
      onShortcut('help', () => setHelpOpen(true)),
      onShortcut('search', focusSearch),
      onShortcut('next', () => openNeighbour(1)),
      onShortcut('previous', () => openNeighbour(-1)),
      onShortcut('newMessage', () => {
        if (!(selectedMailbox(store())?.canWrite ?? false) || store().composeStarting) return false;
        // Offline, as the disabled "Ny besked" says: a new draft is made at Digital Post.
        if (isOffline(store().status, useArchiveStore.getState().offline)) return false;
        void store().startNewMessage();
      }),
    ];
    const onKeyDown = (e: KeyboardEvent) => {
      if (modalOpen()) return;
      const shortcut = shortcutFor(e);
      if (shortcut && runShortcut(shortcut.id)) e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      off.forEach((f) => f());
    };
  }, []);

  return helpOpen ? <ShortcutOverlay onClose={() => setHelpOpen(false)} /> : null;
}

function Keys({ shortcut }: { shortcut: Shortcut }) {
  const { t } = useTranslation();
  return (
    <>
      {shortcut.keys.map((combo, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="shortcut-or"> {t('desktop.shortcuts.or')} </span>}
          {combo.map((cap, j) => (
            <Fragment key={j}>
              {j > 0 && '+'}
              <kbd>{cap}</kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </>
  );
}

/** Every shortcut of the registry, grouped, in a dialog. */
export function ShortcutOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('desktop.shortcuts.title')} onClose={onClose}>
      {/* Focusable, so the list scrolls from the keyboard and the dialog opens at its top. */}
      <div className="shortcut-overlay" tabIndex={0} role="region" aria-label={t('desktop.shortcuts.title')}>
        <p>{t('desktop.shortcuts.intro')}</p>
        {SHORTCUT_GROUPS.map((group) => (
          <table key={group} className="shortcut-table">
            <caption>{t(`desktop.shortcuts.${group}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desktop.shortcuts.key')}</th>
                <th scope="col">{t('desktop.shortcuts.action')}</th>
              </tr>
            </thead>
            <tbody>
              {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                <tr key={s.id}>
                  <td>
                    <Keys shortcut={s} />
                  </td>
                  <td>{t(`desktop.shortcuts.${s.text}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="button-row">
        <button type="button" className="primary" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
    </Modal>
  );
}
