import { dpFieldError } from '../../../shared/dp/error-codes';
import { MessageSchema, type Message } from '../../../shared/dp/resources';
import type { FieldError } from '../../../shared/ipc/app-error';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import type { Handlers } from '../../ipc/dispatch';
import { AppFault, appRefusal, dpRefusal, isConflict, isOutcomeUnknown, refusals } from '../../errors';
import { draftKey, type ComposeState } from './context';
import { fetchMessage, totalBytes } from './drafts-read';
import { askServerValidator } from './second-opinion';
import { LIMITS } from '../../../shared/dp/limits';
import { sendPath } from '../../services/dp-client/api-paths';
import type { DpClient } from '../../services/dp-client/dp-client';

/** What Digital Post would refuse on send (§6.13.1, the message.send.* codes), checked on the message as it is. */
export const sendProblems = (m: Message): FieldError[] => {
  const errors: FieldError[] = [];
  const at = (field: string) => ({ resource: 'message', field });
  if (!m.label?.trim()) errors.push(dpFieldError('message.send.label.required', at('label')));
  if (!m.sender?.label?.trim()) errors.push(dpFieldError('message.send.sender.label.required', at('sender.label')));
  // §13.4.1 has no code for a missing recipient; the app names it with its own.
  if (!m.recipient)
    errors.push({
      ...at('recipient'),
      code: APP_ERROR_CODES.composeRecipientRequired,
      message: 'Vælg en modtager, før meddelelsen sendes.',
    });
  const docs = m.documents ?? [];
  const mains = docs.filter((d) => d.documentType === 'MAIN');
  if (mains.length === 0) errors.push(dpFieldError('message.send.documents.required', at('documents')));
  if (mains.length > 1) errors.push(dpFieldError('message.send.documents.main.exceeds.max', at('documents')));
  for (const d of docs) {
    if (d.files.length === 0) errors.push(dpFieldError('message.send.documents.files.required', at('documents')));
    for (const f of d.files) {
      // Only a size Digital Post reports as 0 says "no content": a file inside a message is never printed with a
      // fileSize (§6.9.3–6.13.1), so a missing one is left for Digital Post to judge.
      if (f.fileSize === 0)
        errors.push(
          dpFieldError('message.send.documents.files.content.required', { ...at('documents'), args: [f.filename] }),
        );
    }
  }
  if (totalBytes(m) > LIMITS.maxMessageBytes) {
    errors.push(
      dpFieldError('message.total.file.size.exceeds.allowed.size', {
        ...at('documents'),
        args: [`${LIMITS.maxMessageBytes / 1024 / 1024} MB`],
      }),
    );
  }
  return errors;
};

/**
 * The send use case is a POST (§6.13.1) while the service table lists PUT; a 405 says this gateway wants the other
 * one, and was refused before anything was sent, so PUT is tried once.
 */
export const sendCommand = async (api: DpClient, path: string, version: number | undefined) => {
  const opts = version !== undefined ? { ifMatch: version } : {};
  try {
    return await api.post<unknown>(path, undefined, opts);
  } catch (err) {
    if (!(err instanceof AppFault) || err.appError.status !== 405) throw err;
    return api.put<unknown>(path, undefined, opts);
  }
};

export const createSendHandler = (state: ComposeState): Pick<Handlers, 'compose.send'> => {
  const { api } = state.ctx;
  const log = state.ctx.log ?? ((msg: string) => console.warn(msg));

  const afterSent = async (m: Message, reconciled: boolean) => {
    const key = draftKey(m.mailboxId, m.id);
    state.sendAttempts.delete(key);
    state.targets.delete(key);
    state.closed.add(key);
    await state.journal.remove(m.mailboxId, m.id);
    return { message: m, reconciled };
  };

  return {
    'compose.send': async ({ mailboxId, messageId }) => {
      const key = draftKey(mailboxId, messageId);
      // The last autosave must land first: what is sent is what the user last typed.
      await state.saves.idle(key);

      const check = async (): Promise<{ sent: boolean; m: Message }> => {
        const m = await fetchMessage(api, mailboxId, messageId);
        if (m.messageState === 'SENT' && state.sendAttempts.has(key)) return { sent: true, m };
        // Digital Post judges a message that does not say its state (the printed drafts do not).
        if (m.messageState !== undefined && m.messageState !== 'DRAFT')
          throw dpRefusal('message.send.invalid.state', {
            resource: 'message',
            field: 'messageState',
            args: [m.messageState ?? ''],
          });
        if (await state.journal.get(mailboxId, messageId)) {
          throw appRefusal(
            APP_ERROR_CODES.composeUnsaved,
            'Kladden har ændringer, der ikke er gemt i Digital Post. Gem den, før den sendes.',
          );
        }
        const problems = sendProblems(m);
        if (problems.length > 0) throw refusals(problems);
        await askServerValidator(api, m, log);
        return { sent: false, m };
      };

      const sendOnce = async (): Promise<{ message: Message; reconciled: boolean }> => {
        const { sent, m: checked } = await check();
        if (sent) return afterSent(checked, true);
        state.sendAttempts.add(key);
        // A command: the client never repeats it on its own, and neither do we without looking first.
        const res = await sendCommand(api, sendPath(mailboxId, messageId), checked.version);
        const parsed = MessageSchema.safeParse(res.data);
        return afterSent(parsed.success ? parsed.data : await fetchMessage(api, mailboxId, messageId), false);
      };

      try {
        try {
          return await sendOnce();
        } catch (err) {
          if (!isConflict(err)) throw err;
          // Changed elsewhere since we looked: check the current version again, then send it.
          return await sendOnce();
        }
      } catch (err) {
        if (!isOutcomeUnknown(err)) {
          state.sendAttempts.delete(key);
          throw err;
        }
        // Reconcile before anything else: did Digital Post send it?
        let m: Message;
        try {
          m = await fetchMessage(api, mailboxId, messageId);
        } catch {
          throw new AppFault({
            code: APP_ERROR_CODES.network,
            message:
              'Forbindelsen blev afbrudt under afsendelsen, og det kan ikke ses, om meddelelsen blev sendt. Prøv igen, når du er online — den sendes ikke to gange.',
          });
        }
        if (m.messageState === 'SENT') return afterSent(m, true);
        state.sendAttempts.delete(key);
        throw new AppFault({
          code: APP_ERROR_CODES.network,
          message:
            'Meddelelsen blev ikke sendt, fordi forbindelsen blev afbrudt. Den ligger stadig i Kladder; prøv igen.',
        });
      }
    },
  };
};
