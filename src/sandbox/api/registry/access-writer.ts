import type { AccessRecord, RegistryContext } from '../context';
import { applyAccessChange, parseAccessPut } from './access-update';
import type { PinVerifications } from './pins';

/** Replaces an access's settings from a PUT-style body (validation errors thrown as Digital Post errors). */
export type AccessWriter = (
  identityId: string,
  access: AccessRecord,
  body: unknown,
  opts?: { created?: boolean },
) => void;

/**
 * The one way an access's subscriptions change, whichever resource carries them (the access itself, or the mailbox
 * that embeds it, §8.5): a new number the holder has not proved elsewhere gets a PIN in the outbox.
 */
export const createAccessWriter =
  (ctx: RegistryContext, pins: PinVerifications, verifiedNumbers: (identityId: string) => Set<string>): AccessWriter =>
  (identityId, access, body, opts = {}) => {
    const change = parseAccessPut(body, access, ctx.now());
    const known = verifiedNumbers(identityId);
    const applied = applyAccessChange(
      access,
      change,
      () => ctx.store.newId(),
      (n) => known.has(n),
    );
    if (applied.removedSmsId) pins.drop(applied.removedSmsId);
    if (applied.newSms) {
      if (applied.newSms.verified) pins.drop(applied.newSms.id);
      else pins.issue(applied.newSms.id, applied.newSms.mobileNumber, 'access-sms');
    }
    // A record being created starts at version 0; only a change to an existing one moves it.
    if (!opts.created) ctx.store.touch(access);
  };
