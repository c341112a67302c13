import type { ChannelResponse } from '../../../../shared/ipc/contract';
import type { MessageQuery } from '../../../../shared/ipc/channels/mail';
import { dp } from '../../../lib/api';
import { useArchiveStore } from './archive-store';

type Page = ChannelResponse<'messages.query'>;

/**
 * The list's first page. A search goes to the local archive when it holds the mailbox completely (words inside the
 * letters included), and to Digital Post otherwise; the archive store remembers which, for the note under the search
 * box, and the snippets to mark. Everything else is Digital Post's list as before.
 */
export const queryList = async (query: MessageQuery): Promise<Page> => {
  const archive = useArchiveStore.getState();
  if (!query.search) {
    archive.setSearchResult(null);
    return dp().messages.query(query);
  }
  const local = await dp()
    .archive.search({
      mailboxId: query.mailboxId,
      text: query.search,
      ...(query.dateFrom ? { dateFrom: query.dateFrom } : {}),
      ...(query.dateTo ? { dateTo: query.dateTo } : {}),
      ...(query.senderLabel ? { senderLabel: query.senderLabel } : {}),
      limit: Math.min(query.size ?? 200, 500),
    })
    .catch(() => undefined);
  if (!local?.covered || !Array.isArray(local.messages)) {
    const page = await dp().messages.query(query);
    useArchiveStore.getState().setSearchResult('server');
    return page;
  }
  useArchiveStore
    .getState()
    .setSearchResult('archive', Object.fromEntries(local.snippets.map((s) => [s.messageId, s.parts])), local.terms);
  return { messages: local.messages, totalElements: local.total };
};
