import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/dp/resources';
import { useOfflineDisabled } from '../../archive/offline';

export const wasForwarded = (m: Message): boolean =>
  (m.userActivities ?? []).some((a) => a.userActivityType === 'FORWARDED');

export const messageBytes = (m: Message): number =>
  (m.documents ?? []).reduce((n, d) => n + d.files.reduce((k, f) => k + (f.fileSize ?? 0), 0), 0);

/**
 * "Svar" and "Videresend" for a received message. When Digital Post does not allow an action the button stays, but
 * disabled and described with the reason, so the user learns why rather than wondering where it went.
 */
export function ReplyForwardButtons({
  message,
  canWrite,
  onReply,
  onForward,
}: {
  message: Message;
  canWrite: boolean;
  onReply: () => void;
  onForward: () => void;
}) {
  const { t } = useTranslation();
  const replyWhy = useId();
  const forwardWhy = useId();
  // Offline: both need Digital Post; the reason rides on the buttons as tooltip and description.
  const needsDp = useOfflineDisabled();
  if (!canWrite || message.messageState === 'DRAFT') return null;
  const forwardReason = !message.forward
    ? t('compose.forwardNotAllowed')
    : wasForwarded(message)
      ? t('compose.forwardAlready')
      : null;
  return (
    <span className="reply-forward">
      <button
        type="button"
        disabled={!message.reply}
        aria-describedby={message.reply ? undefined : replyWhy}
        onClick={onReply}
        {...(message.reply ? needsDp : {})}
      >
        {t('compose.reply')}
      </button>
      {!message.reply && (
        <span id={replyWhy} className="muted small why-not">
          {t('compose.replyNotAllowed')}
        </span>
      )}
      <button
        type="button"
        disabled={forwardReason !== null}
        aria-describedby={forwardReason ? forwardWhy : undefined}
        onClick={onForward}
        {...(forwardReason ? {} : needsDp)}
      >
        {t('compose.forward')}
      </button>
      {forwardReason && (
        <span id={forwardWhy} className="muted small why-not">
          {forwardReason}
        </span>
      )}
    </span>
  );
}
