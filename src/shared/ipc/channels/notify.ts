import { z } from 'zod';
import { IdSchema as Id } from '../ids';
import { channel, noInput, type ChannelDef } from '../define';
import { AccessTypeSchema, PushProviderTypeSchema } from '../../dp/enums';

// Notifications: e-mail / SMS / push subscriptions per mailbox access, NemSMS on the own contact, and the
// app's own desktop alerts for new post. Changes to an access travel as intents, so main can rebuild the PUT body
// from a freshly fetched resource and reapply the same intent after a 409.

const Pin = z.string().trim().min(1).max(12).regex(/^\d+$/);

/** Loose on purpose (the server has the last word); the UI and main both refuse obvious typos before a request. */
const EMAIL_PATTERN = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\].]{2,}$/;
export const isValidEmail = (email: string): boolean => email.length <= 254 && EMAIL_PATTERN.test(email.trim());

/**
 * Danish mobile numbers: 8 digits, optionally +45 / 0045, spaces and dashes allowed. Subscriber numbers do not
 * start with 0 or 1. Returns the bare 8 digits Digital Post stores, or undefined.
 */
export const normaliseDanishMobile = (input: string): string | undefined => {
  const compact = input.replace(/[\s-]/g, '');
  const bare = compact.replace(/^(?:\+45|0045)(?=\d{8}$)/, '');
  return /^[2-9]\d{7}$/.test(bare) ? bare : undefined;
};

export const AccessIntentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('addEmail'), email: z.string().trim().max(254) }),
  z.strictObject({ kind: z.literal('changeEmail'), id: Id, email: z.string().trim().max(254) }),
  z.strictObject({ kind: z.literal('removeEmail'), id: Id }),
  z.strictObject({ kind: z.literal('setSms'), mobileNumber: z.string().trim().max(20) }),
  z.strictObject({ kind: z.literal('removeSms') }),
  z.strictObject({ kind: z.literal('removePush'), id: Id }),
  z.strictObject({ kind: z.literal('setOptOut'), optOut: z.boolean() }),
  z.strictObject({ kind: z.literal('setIntroductionCompleted'), introductionCompleted: z.boolean() }),
]);
export type AccessIntent = z.infer<typeof AccessIntentSchema>;

/** The signed-in person's access to one mailbox, as the settings screen needs it (no device tokens). */
export const AccessViewSchema = z.object({
  mailboxId: z.string(),
  accessId: z.string(),
  version: z.number().int(),
  accessType: AccessTypeSchema,
  introductionCompleted: z.boolean(),
  optOut: z.boolean(),
  emails: z.array(z.object({ id: z.string(), email: z.string() })),
  sms: z.object({ id: z.string(), mobileNumber: z.string(), verified: z.boolean() }).nullable(),
  push: z.array(z.object({ id: z.string(), providerType: PushProviderTypeSchema, deviceId: z.string() })),
});
export type AccessView = z.infer<typeof AccessViewSchema>;

export const NemSmsViewSchema = z.object({
  contactId: z.string(),
  version: z.number().int(),
  nemSms: z
    .object({
      id: z.string(),
      mobileNumber: z.string(),
      verified: z.boolean(),
      verificationTime: z.string().nullable(),
      confirmedDateTime: z.string().nullable(),
    })
    .nullable(),
});
export type NemSmsView = z.infer<typeof NemSmsViewSchema>;

export const NemSmsIntentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('subscribe'), mobileNumber: z.string().trim().max(20) }),
  z.strictObject({ kind: z.literal('unsubscribe') }),
]);
export type NemSmsIntent = z.infer<typeof NemSmsIntentSchema>;

export const AlertSettingsSchema = z.object({
  /** Mailbox id → desktop alerts on (absent means on). */
  mailboxes: z.record(z.string(), z.boolean()),
  intervalMs: z.number().int(),
});
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

const MailboxRef = { mailboxId: Id };

export const notifyChannels = {
  'notify.getAccess': channel(z.strictObject(MailboxRef), AccessViewSchema),
  /** PUT replaces the access: main applies the intent to the fresh resource, If-Match, and reapplies once on 409. */
  'notify.updateAccess': channel(z.strictObject({ ...MailboxRef, change: AccessIntentSchema }), AccessViewSchema),
  'notify.verifySms': channel(z.strictObject({ ...MailboxRef, subscriptionId: Id, pin: Pin }), AccessViewSchema),
  'notify.resendSmsPin': channel(z.strictObject({ ...MailboxRef, subscriptionId: Id }), AccessViewSchema),
  'notify.getNemSms': channel(noInput, NemSmsViewSchema),
  'notify.updateNemSms': channel(z.strictObject({ change: NemSmsIntentSchema }), NemSmsViewSchema),
  'notify.verifyNemSms': channel(z.strictObject({ subscriptionId: Id, pin: Pin }), NemSmsViewSchema),
  'notify.resendNemSmsPin': channel(z.strictObject({ subscriptionId: Id }), NemSmsViewSchema),
  'notify.getAlerts': channel(noInput, AlertSettingsSchema),
  'notify.setAlerts': channel(z.strictObject({ ...MailboxRef, enabled: z.boolean() }), AlertSettingsSchema),
  /** Which mailbox the user is looking at, and whether the window has focus: that mailbox gets no OS alert. */
  'notify.setFocus': channel(
    z.strictObject({ mailboxId: Id.nullable(), focused: z.boolean() }),
    z.object({ ok: z.literal(true) }),
  ),
} satisfies Record<string, ChannelDef>;
