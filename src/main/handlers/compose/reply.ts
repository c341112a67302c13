import { normaliseEncodingFormat } from '../../../shared/dp/encoding-formats';
import { MessageSchema, type Message } from '../../../shared/dp/resources';
import type { Handlers } from '../../ipc/dispatch';
import type { ComposeState } from './context';
import { fetchMessage, mainDocument, readFileText } from './drafts-read';
import { dpRefusal } from '../../errors';
import { replyPath } from '../../services/dp-client/api-paths';

/** The original's MAIN content for quoting, when it is html or text (a PDF is shown, not quoted). */
const quotable = async (state: ComposeState, m: Message): Promise<{ html?: string; text?: string }> => {
  const doc = mainDocument(m);
  const file = doc?.files.find((f) => ['text/html', 'text/plain'].includes(normaliseEncodingFormat(f.encodingFormat)));
  if (!doc || !file) return {};
  const content = await readFileText(state.ctx.api, m.mailboxId, m.id, doc.id, file);
  return normaliseEncodingFormat(file.encodingFormat) === 'text/html' ? { html: content } : { text: content };
};

export const createReplyHandler = (
  state: ComposeState,
  openDraft: (mailboxId: string, messageId: string) => ReturnType<Handlers['compose.open']>,
): Pick<Handlers, 'compose.reply'> => ({
  'compose.reply': async ({ mailboxId, messageId }) => {
    const { api } = state.ctx;
    const original = await fetchMessage(api, mailboxId, messageId);
    // The sender decides whether a reply is possible (§6.13.2); refuse in Digital Post's words before the command.
    if (!original.reply || original.messageState !== 'RECEIVED') {
      throw dpRefusal('message.create.reply.notAllowed', {
        resource: 'message',
        field: 'reply',
        rejectedValue: original.reply,
      });
    }
    // Not repeated on a lost answer: a second reply draft is harmless but confusing, and Kladder shows the first.
    const res = await api.post<unknown>(replyPath(mailboxId, messageId));
    const created = MessageSchema.parse(res.data);
    const [draft, quote] = await Promise.all([openDraft(mailboxId, created.id), quotable(state, original)]);
    return {
      draft,
      original: {
        ...(original.label !== undefined ? { label: original.label } : {}),
        ...(original.sender?.label !== undefined ? { senderLabel: original.sender.label } : {}),
        ...(original.messageDateTime !== undefined ? { messageDateTime: original.messageDateTime } : {}),
        ...quote,
      },
    };
  },
});
