import type { actionChannels } from '../../../shared/ipc/channels/actions';
import { readMessageActions } from '../../../shared/dp/document-actions';
import { offeredFilename } from '../../../shared/dp/filenames';
import { MessageSchema } from '../../../shared/dp/resources';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import type { Handlers } from '../../ipc/dispatch';
import { AppFault } from '../../errors';
import { messagePath } from '../../services/dp-client/api-paths';
import { offerDownload } from '../../services/files/download-offers';
import type { MailContext } from '../mail/context';
import { buildIcs } from './ics';

export type ActionChannel = keyof typeof actionChannels;

const unavailable = (): AppFault =>
  new AppFault({
    code: APP_ERROR_CODES.actionUnavailable,
    message: 'Handlingen findes ikke længere i brevet, eller den mangler et tidspunkt.',
  });

/** UID characters: the ids are Digital Post's, kept to what a calendar will not misread. */
const uidPart = (s: string): string => s.replace(/[^A-Za-z0-9-]/g, '');

export const createActionHandlers = (ctx: MailContext): Pick<Handlers, ActionChannel> => ({
  // The appointment is read from Digital Post again: the calendar gets the times and place the sender gave, not
  // what the page says.
  'actions.calendar': async (ref) => {
    const message = MessageSchema.parse((await ctx.api.get<unknown>(messagePath(ref.mailboxId, ref.messageId))).data);
    const action = readMessageActions(message).find((a) => a.documentId === ref.documentId && a.index === ref.index);
    if (!action?.start) throw unavailable();
    const summary = action.label || message.label || 'Aftale';
    const ics = buildIcs({
      uid: `${uidPart(message.id)}-${uidPart(ref.documentId)}-${ref.index}@digitalpost-desktop`,
      start: action.start,
      ...(action.end ? { end: action.end } : {}),
      summary,
      ...(action.place ? { location: action.place } : {}),
      ...(message.sender?.label ? { description: message.sender.label } : {}),
      ...(action.url ? { url: action.url } : {}),
    });
    const bytes = new TextEncoder().encode(ics);
    const name = offeredFilename(summary, 'text/calendar');
    const save = ctx.hooks.saveFile;
    if (save) return { saved: await save(name, bytes) };
    const token = offerDownload({ name, contentType: 'text/calendar; charset=utf-8', bytes });
    return { saved: false, downloadPath: `/download/${token}` };
  },
});
