import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/dp/resources';
import { useAppStore } from '../../../store';
import { selectLimits } from '../store/selectors';
import { ForwardDialog } from './ForwardDialog';
import { messageBytes, ReplyForwardButtons, wasForwarded } from './ReplyForwardButtons';
import { onShortcut } from '../../desktop/shortcuts';
import { useIsOffline } from '../../archive/offline';

/** The open message's writing actions: Svar / Videresend for received post, "Redigér kladde" for a draft. */
export function MessageComposeActions({ message, canWrite }: { message: Message; canWrite: boolean }) {
  const { t } = useTranslation();
  const store = useAppStore.getState;
  const limits = useAppStore(selectLimits);
  const displayName = useAppStore((s) => s.status?.displayName) ?? '';
  const [forwarding, setForwarding] = useState(false);
  const offline = useIsOffline();

  // "r" and "v" do what the buttons do, and only when the buttons would (not offline).
  useEffect(() => {
    if (offline || !canWrite || message.messageState === 'DRAFT' || message.messageState === 'SENT') return;
    const offReply = onShortcut('reply', () => {
      if (!message.reply) return false;
      void store().startReply(message.id);
    });
    const offForward = onShortcut('forward', () => {
      if (!message.forward || wasForwarded(message)) return false;
      setForwarding(true);
    });
    return () => {
      offReply();
      offForward();
    };
  }, [message, canWrite, store, offline]);

  if (!canWrite) return null;
  if (message.messageState === 'DRAFT') {
    return (
      <div className="compose-message-actions">
        <button type="button" className="primary" onClick={() => void store().openDraft(message.id)}>
          {t('compose.editDraft')}
        </button>
      </div>
    );
  }
  if (message.messageState === 'SENT') return null;
  return (
    <div className="compose-message-actions">
      <ReplyForwardButtons
        message={message}
        canWrite={canWrite}
        onReply={() => void store().startReply(message.id)}
        onForward={() => setForwarding(true)}
      />
      {forwarding && (
        <ForwardDialog
          messageLabel={message.label ?? ''}
          messageBytes={messageBytes(message)}
          defaultSenderLabel={displayName}
          limits={limits}
          onForward={(fields) => store().forwardMessage(message.id, fields)}
          onClose={() => setForwarding(false)}
        />
      )}
    </div>
  );
}
