import { dpFieldError } from '../../../shared/dp/error-codes';
import { MessageSchema, type Message } from '../../../shared/dp/resources';
import type { FieldError } from '../../../shared/ipc/app-error';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import type { Handlers } from '../../ipc/dispatch';
import { AppFault, dpRefusal, isOutcomeUnknown, refusals } from '../../errors';
import type { ComposeState } from './context';
import { fetchMessage, totalBytes } from './drafts-read';
import { isValidCpr, isValidCvr, isValidEmail, maskCpr } from '../../../shared/dp/identifiers';
import { FORWARD_LIMITS } from './limits';
import { forwardPath, messagePath } from '../../services/dp-client/api-paths';

export interface ForwardInput {
  recipientIdType: 'EMAIL' | 'CPR' | 'CVR';
  recipientId: string;
  comment?: string | undefined;
  senderLabel?: string | undefined;
  recipientLabel?: string | undefined;
}

const forwardedBefore = (m: Message): boolean =>
  (m.userActivities ?? []).some((a) => a.userActivityType === 'FORWARDED');

/** Whether the message may be forwarded at all (§6.13.6 note, §6.16.1 rule 1). */
export const mayForward = (m: Message): boolean => m.forward && m.messageState !== 'DRAFT' && !forwardedBefore(m);

/** Everything Digital Post would refuse about the forward command's body, with its message.create.forward.* codes. */
export const forwardProblems = (input: ForwardInput, original: Pick<Message, 'documents'>): FieldError[] => {
  const errors: FieldError[] = [];
  const at = (field: string) => ({ resource: 'forward', field });
  const id = input.recipientId.trim();
  if (id === '') errors.push(dpFieldError('message.create.forward.recipientId.notBlank', at('recipientId')));
  else if (input.recipientIdType === 'EMAIL' && !isValidEmail(id)) {
    errors.push(
      dpFieldError('message.create.forward.recipientId.email.invalid', {
        ...at('recipientId'),
        rejectedValue: id,
        args: [id],
      }),
    );
  } else if (input.recipientIdType === 'CPR' && !isValidCpr(id)) {
    errors.push(
      dpFieldError('message.create.forward.recipientId.cpr.invalid', {
        ...at('recipientId'),
        rejectedValue: maskCpr(id),
        args: [maskCpr(id)],
      }),
    );
  } else if (input.recipientIdType === 'CVR' && !isValidCvr(id)) {
    errors.push(
      dpFieldError('message.create.forward.recipientId.cvr.invalid', {
        ...at('recipientId'),
        rejectedValue: id,
        args: [id],
      }),
    );
  }
  const max = FORWARD_LIMITS;
  if ((input.comment ?? '').length > max.maxCommentLength) {
    errors.push(
      dpFieldError('message.create.forward.comment.size', {
        ...at('comment'),
        args: ['comment', max.maxCommentLength],
      }),
    );
  }
  if ((input.senderLabel ?? '').length > max.maxLabelLength) {
    errors.push(
      dpFieldError('message.create.forward.senderLabel.size', {
        ...at('senderLabel'),
        args: ['senderLabel', max.maxLabelLength],
      }),
    );
  }
  if ((input.recipientLabel ?? '').length > max.maxLabelLength) {
    errors.push(
      dpFieldError('message.create.forward.recipientLabel.size', {
        ...at('recipientLabel'),
        args: ['recipientLabel', max.maxLabelLength],
      }),
    );
  }
  const bytes = totalBytes(original as Message);
  if (input.recipientIdType === 'EMAIL' && bytes > max.maxEmailBytes) {
    errors.push(
      dpFieldError('message.create.forward.size.exceeds.allowed.size', {
        ...at('documents'),
        args: [`${(bytes / 1024 / 1024).toFixed(1)} MB`, `${max.maxEmailBytes / 1024 / 1024} MB`],
      }),
    );
  }
  return errors;
};

export const createForwardHandler = (state: ComposeState): Pick<Handlers, 'compose.forward'> => ({
  'compose.forward': async ({ mailboxId, messageId, ...input }) => {
    const { api } = state.ctx;
    const original = await fetchMessage(api, mailboxId, messageId);
    if (!mayForward(original)) {
      throw dpRefusal('message.create.forward.notAllowed', {
        resource: 'message',
        field: 'forward',
        rejectedValue: original.forward,
      });
    }
    const problems = forwardProblems(input, original);
    if (problems.length > 0) throw refusals(problems);
    const body = {
      recipientId: input.recipientId.trim(),
      recipientIdType: input.recipientIdType,
      ...(input.comment ? { comment: input.comment } : {}),
      ...(input.senderLabel ? { senderLabel: input.senderLabel } : {}),
      ...(input.recipientLabel ? { recipientLabel: input.recipientLabel } : {}),
    };
    try {
      const res = await api.post<unknown>(forwardPath(mailboxId, messageId), body);
      return { message: MessageSchema.parse(res.data) };
    } catch (err) {
      if (!isOutcomeUnknown(err)) throw err;
      // A lost answer: the original records a FORWARDED activity naming the new message if it went out.
      const after = await fetchMessage(api, mailboxId, messageId).catch(() => undefined);
      const activities = after?.userActivities ?? [];
      const activity = activities.find((a) => a.userActivityType === 'FORWARDED' && a.messageId);
      if (activity?.messageId) {
        const res = await api.get<unknown>(messagePath(mailboxId, activity.messageId));
        return { message: MessageSchema.parse(res.data) };
      }
      throw new AppFault({
        code: APP_ERROR_CODES.network,
        // Only when every activity says what it is can a missing FORWARDED one mean the forward did not go out.
        message:
          after && activities.every((a) => a.userActivityType !== undefined)
            ? 'Meddelelsen blev ikke videresendt, fordi forbindelsen blev afbrudt. Prøv igen.'
            : 'Forbindelsen blev afbrudt, og det kan ikke ses, om meddelelsen blev videresendt. Kontrollér Sendt, før du prøver igen.',
      });
    }
  },
});
