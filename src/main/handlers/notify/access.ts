import { AccessSchema, MailboxSchema, isOptedOut, isSmsConfirmed, type Access } from '../../../shared/dp/resources';
import type { AccessIntent, AccessView } from '../../../shared/ipc/channels/notify';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault, isConflict } from '../../errors';
import type { DpClient } from '../../services/dp-client/dp-client';
import { buildAccessBody, NO_CHANGE } from './access-body';
import { accessPath, mailboxPath, smsVerificationPath } from '../../services/dp-client/api-paths';

export interface FetchedAccess {
  access: Access;
  /** From the ETag when the server sends one, else the body's version. */
  version: number;
}

const unexpected = (): AppFault =>
  new AppFault({ code: APP_ERROR_CODES.internal, message: 'Digital Post svarede med en adgang, appen ikke kan læse.' });

const parseAccess = (data: unknown): Access => {
  const parsed = AccessSchema.safeParse(data);
  if (!parsed.success) throw unexpected();
  return parsed.data;
};

/** The renderer's view: ids, addresses and states, never device tokens. */
export const toAccessView = (access: Access): AccessView => ({
  mailboxId: access.mailboxId,
  accessId: access.id,
  version: access.version,
  accessType: access.accessType,
  introductionCompleted: access.introductionCompleted ?? false,
  optOut: isOptedOut(access),
  emails: (access.emailNotificationSubscriptions ?? []).flatMap((e) => (e.id ? [{ id: e.id, email: e.email }] : [])),
  sms: access.smsNotificationSubscription?.id
    ? {
        id: access.smsNotificationSubscription.id,
        mobileNumber: access.smsNotificationSubscription.mobileNumber,
        verified: isSmsConfirmed(access.smsNotificationSubscription),
      }
    : null,
  push: (access.pushNotificationSubscriptions ?? []).flatMap((p) =>
    p.id ? [{ id: p.id, providerType: p.providerType, deviceId: p.deviceId }] : [],
  ),
});

/**
 * Access to the signed-in person's own access resources. The access id is learnt from the mailbox's embedded
 * access (the caller's own way in) and remembered, so later reads cost one request.
 */
export class AccessStore {
  private readonly ids = new Map<string, string>();
  constructor(private readonly api: DpClient) {}

  private async accessIdOf(mailboxId: string): Promise<string> {
    const known = this.ids.get(mailboxId);
    if (known) return known;
    const res = await this.api.get<unknown>(mailboxPath(mailboxId));
    const mailbox = MailboxSchema.safeParse(res.data);
    const id = mailbox.success ? mailbox.data.access?.id : undefined;
    if (!id)
      throw new AppFault({
        code: 'access.denied',
        message: 'Du har ikke adgang til at se notifikationer for denne postkasse.',
        status: 403,
      });
    this.ids.set(mailboxId, id);
    return id;
  }

  async fetch(mailboxId: string): Promise<FetchedAccess> {
    const accessId = await this.accessIdOf(mailboxId);
    const res = await this.api.get<unknown>(accessPath(mailboxId, accessId));
    const access = parseAccess(res.data);
    return { access, version: res.version ?? access.version };
  }

  /**
   * Fetch, apply the one change, PUT with If-Match. On 409 someone else changed the access in between: fetch
   * again and apply the same intent to what is there now — once; a second conflict goes to the user.
   */
  async update(mailboxId: string, intent: AccessIntent): Promise<Access> {
    for (let attempt = 0; ; attempt += 1) {
      const { access, version } = await this.fetch(mailboxId);
      const body = buildAccessBody(access, intent);
      if (body === NO_CHANGE) return access;
      try {
        const res = await this.api.put<unknown>(accessPath(mailboxId, access.id), body, { ifMatch: version });
        return parseAccess(res.data);
      } catch (err) {
        if (attempt === 0 && isConflict(err)) continue;
        throw err;
      }
    }
  }

  /** With a PIN: verifies the SMS number. Without: orders a new PIN. */
  async verification(mailboxId: string, subscriptionId: string, pin?: string): Promise<Access> {
    const accessId = await this.accessIdOf(mailboxId);
    const res = await this.api.put<unknown>(
      smsVerificationPath(mailboxId, accessId, subscriptionId),
      pin === undefined ? {} : { pin },
    );
    return parseAccess(res.data);
  }

  forget(): void {
    this.ids.clear();
  }
}
