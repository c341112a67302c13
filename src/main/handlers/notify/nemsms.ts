import { z } from 'zod';
import { normaliseDanishMobile, type NemSmsIntent, type NemSmsView } from '../../../shared/ipc/channels/notify';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault, dpRefusal, isConflict } from '../../errors';
import type { DpClient } from '../../services/dp-client/dp-client';
import { contactPath, contactsPath, nemSmsVerificationPath } from '../../services/dp-client/api-paths';

// The contact resource is only partly described in the document; it is read loosely and PUT back whole, so fields
// this app does not know survive the replace.
const NemSmsSchema = z.looseObject({
  id: z.string(),
  version: z.number().int().optional(),
  mobileNumber: z.string(),
  verificationTime: z.string().nullable().optional(),
  confirmedDateTime: z.string().nullable().optional(),
});
const ContactSchema = z.looseObject({
  id: z.string(),
  version: z.number().int(),
  nemSmsSubscription: NemSmsSchema.nullable().optional(),
});
type Contact = z.infer<typeof ContactSchema>;
const ContactPageSchema = z.looseObject({ contacts: z.array(z.unknown()).optional() });

const parseContact = (data: unknown): Contact => {
  const parsed = ContactSchema.safeParse(data);
  if (!parsed.success)
    throw new AppFault({
      code: APP_ERROR_CODES.internal,
      message: 'Digital Post svarede med en kontakt, appen ikke kan læse.',
    });
  return parsed.data;
};

export const toNemSmsView = (contact: Contact): NemSmsView => {
  const sub = contact.nemSmsSubscription;
  return {
    contactId: contact.id,
    version: contact.version,
    nemSms: sub
      ? {
          id: sub.id,
          mobileNumber: sub.mobileNumber,
          verified: Boolean(sub.verificationTime),
          verificationTime: sub.verificationTime ?? null,
          confirmedDateTime: sub.confirmedDateTime ?? null,
        }
      : null,
  };
};

/** PUT body for the intent on the fetched contact; undefined when nothing would change. */
export const buildContactBody = (contact: Contact, intent: NemSmsIntent): Record<string, unknown> | undefined => {
  const body: Record<string, unknown> = structuredClone(contact);
  if (intent.kind === 'unsubscribe') {
    if (!contact.nemSmsSubscription) return undefined;
    delete body.nemSmsSubscription;
    return body;
  }
  const field = 'nemSmsSubscription.mobileNumber';
  if (intent.mobileNumber.trim() === '') throw dpRefusal('danish.mobile.number.needed', { resource: 'contact', field });
  const mobileNumber = normaliseDanishMobile(intent.mobileNumber);
  if (mobileNumber === undefined)
    throw dpRefusal('danish.mobile.number.invalid', {
      resource: 'contact',
      field,
      rejectedValue: intent.mobileNumber,
      args: [intent.mobileNumber],
    });
  if (contact.nemSmsSubscription?.mobileNumber === mobileNumber) return undefined;
  // A new number is a new subscription (§4.5.4): nothing of the old one is carried over.
  body.nemSmsSubscription = { mobileNumber };
  return body;
};

/** The signed-in person's own contact (a citizen has exactly one) and its NemSMS subscription. */
export class ContactStore {
  private contactId: string | undefined;
  constructor(private readonly api: DpClient) {}

  private async fetch(): Promise<{ contact: Contact; version: number }> {
    if (!this.contactId) {
      const res = await this.api.get<unknown>(contactsPath());
      const page = ContactPageSchema.safeParse(res.data);
      const first = page.success ? page.data.contacts?.[0] : undefined;
      if (first === undefined)
        throw new AppFault({
          code: 'id.not.exist',
          message: 'Der blev ikke fundet en kontakt for dig i Digital Post.',
          status: 404,
        });
      this.contactId = parseContact(first).id;
    }
    const res = await this.api.get<unknown>(contactPath(this.contactId));
    const contact = parseContact(res.data);
    return { contact, version: res.version ?? contact.version };
  }

  async get(): Promise<Contact> {
    return (await this.fetch()).contact;
  }

  async update(intent: NemSmsIntent): Promise<Contact> {
    for (let attempt = 0; ; attempt += 1) {
      const { contact, version } = await this.fetch();
      const body = buildContactBody(contact, intent);
      if (body === undefined) return contact;
      try {
        return parseContact((await this.api.put<unknown>(contactPath(contact.id), body, { ifMatch: version })).data);
      } catch (err) {
        if (attempt === 0 && isConflict(err)) continue;
        throw err;
      }
    }
  }

  async verification(subscriptionId: string, pin?: string): Promise<Contact> {
    if (!this.contactId) await this.fetch();
    const res = await this.api.put<unknown>(
      nemSmsVerificationPath(this.contactId!, subscriptionId),
      pin === undefined ? {} : { pin },
    );
    return parseContact(res.data);
  }
}
