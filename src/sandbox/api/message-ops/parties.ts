// The parties of a message: the mailbox owner as sender, and a draft's recipient as §6.12 validates it.
import { z } from 'zod';
import { PartyInputSchema } from '../body';
import type { MailboxRecord, PartyRecord } from '../context';
import { rejected, validation } from '../errors';
import { newParty } from '../records';
import { knownCvr } from '../seed/authorities';
import type { InMemoryMailStore } from '../store';
import { isCpr, isCvr, isMaskedCpr, maskCpr } from '../util';

export const ownerParty = (store: InMemoryMailStore, mailbox: MailboxRecord, label?: string): PartyRecord =>
  newParty(store, mailbox.ownerId, mailbox.ownerType === 'CITIZEN' ? 'CPR' : 'CVR', label ?? mailbox.ownerName);

type RecipientInput = z.infer<typeof PartyInputSchema>;

/** Validates a draft recipient; returns the new party, or the current one when a masked CPR was echoed (§6.12). */
export const resolveRecipient = (
  store: InMemoryMailStore,
  current: PartyRecord | undefined,
  input: RecipientInput,
): PartyRecord => {
  const type = input.recipientIdType ?? '';
  const id = (input.recipientId ?? '').trim();
  if (type !== 'CPR' && type !== 'CVR') {
    throw validation(
      'invalid recipient',
      rejected('message.recipient.recipientIdType.invalid', 'recipient.recipientIdType', type),
    );
  }
  if (type === 'CPR') {
    if (isMaskedCpr(id) && current) return current;
    if (!isCpr(id)) {
      throw validation(
        'invalid recipient',
        rejected('message.recipient.recipientId.cpr.invalid', 'recipient.recipientId', maskCpr(id)),
      );
    }
  } else if (!isCvr(id) || !knownCvr(id)) {
    // §6.10: a CVR recipient must exist in Digital Post.
    throw validation(
      'invalid recipient',
      rejected('message.recipient.recipientId.cvr.invalid', 'recipient.recipientId', id),
    );
  }
  const label = input.label ?? (type === 'CVR' ? knownCvr(id)?.name : undefined);
  const unchanged = current && current.idType === type && current.idValue === id;
  if (unchanged) {
    if ((label ?? undefined) !== current.label || (input.contactPointId ?? undefined) !== current.contactPointId) {
      return {
        ...current,
        version: current.version + 1,
        ...(label != null ? { label } : {}),
        ...(input.contactPointId ? { contactPointId: input.contactPointId } : {}),
      };
    }
    return current;
  }
  const party = newParty(store, id, type, label ?? undefined);
  if (input.contactPointId) party.contactPointId = input.contactPointId;
  party.version = current ? current.version + 1 : 0;
  return party;
};
