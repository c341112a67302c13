import { isOptedOut, type Access } from '../../../shared/dp/resources';
import { isValidEmail, normaliseDanishMobile, type AccessIntent } from '../../../shared/ipc/channels/notify';
import { dpRefusal } from '../../errors';

/** What a PUT body is: the fetched access with one change; unknown fields ride along untouched. */
export type AccessBody = Record<string, unknown>;

/** Returned when the intent is already true of the resource (e.g. a removal someone else made first). */
export const NO_CHANGE = Symbol('no-change');

const clone = <T>(value: T): T => structuredClone(value);

const emailsOf = (body: AccessBody): Record<string, unknown>[] =>
  Array.isArray(body.emailNotificationSubscriptions)
    ? (body.emailNotificationSubscriptions as Record<string, unknown>[])
    : [];
const pushOf = (body: AccessBody): Record<string, unknown>[] =>
  Array.isArray(body.pushNotificationSubscriptions)
    ? (body.pushNotificationSubscriptions as Record<string, unknown>[])
    : [];

const sameEmail = (a: unknown, b: string): boolean =>
  typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

const checkEmail = (email: string, others: Record<string, unknown>[], index: number): void => {
  const field = `emailNotificationSubscriptions[${index}].email`;
  if (email === '')
    throw dpRefusal('access.emailNotificationSubscriptions.email.required', { resource: 'access', field });
  if (!isValidEmail(email))
    throw dpRefusal('access.emailNotificationSubscriptions.email.invalid', {
      resource: 'access',
      field,
      rejectedValue: email,
    });
  if (others.some((o) => sameEmail(o.email, email))) {
    throw dpRefusal('access.emailNotificationSubscriptions.email.alreadyUsed', {
      resource: 'access',
      field,
      rejectedValue: email,
      args: [email],
    });
  }
};

/**
 * The PUT body for `intent` applied to `fetched`. PUT replaces the whole access, so everything the user did not
 * touch — other subscriptions with their ids and versions, introductionCompleted, optOut, fields this app does
 * not know — is copied as it was. Refuses (with Digital Post's code) what the server would refuse anyway.
 */
export const buildAccessBody = (
  fetched: Access,
  intent: AccessIntent,
  now: () => Date = () => new Date(),
): AccessBody | typeof NO_CHANGE => {
  const body: AccessBody = clone(fetched) as AccessBody;
  const emails = emailsOf(body);
  switch (intent.kind) {
    case 'addEmail': {
      const email = intent.email.trim();
      checkEmail(email, emails, emails.length);
      body.emailNotificationSubscriptions = [...emails, { email }];
      return body;
    }
    case 'changeEmail': {
      const index = emails.findIndex((e) => e.id === intent.id);
      if (index < 0)
        throw dpRefusal('id.not.exist', {
          resource: 'access',
          field: 'emailNotificationSubscriptions.id',
          rejectedValue: intent.id,
        });
      const email = intent.email.trim();
      if (emails[index]!.email === email) return NO_CHANGE;
      checkEmail(
        email,
        emails.filter((_, i) => i !== index),
        index,
      );
      body.emailNotificationSubscriptions = emails.map((e, i) => (i === index ? { ...e, email } : e));
      return body;
    }
    case 'removeEmail': {
      if (!emails.some((e) => e.id === intent.id)) return NO_CHANGE;
      body.emailNotificationSubscriptions = emails.filter((e) => e.id !== intent.id);
      return body;
    }
    case 'setSms': {
      const mobileNumber = normaliseDanishMobile(intent.mobileNumber);
      const field = 'smsNotificationSubscription.mobileNumber';
      if (intent.mobileNumber.trim() === '')
        throw dpRefusal('access.smsNotificationSubscription.mobileNumber.required', { resource: 'access', field });
      if (mobileNumber === undefined) {
        throw dpRefusal('access.smsNotificationSubscription.mobileNumber.invalid', {
          resource: 'access',
          field,
          rejectedValue: intent.mobileNumber,
          args: [intent.mobileNumber],
        });
      }
      const current = fetched.smsNotificationSubscription;
      if (current && current.mobileNumber === mobileNumber) return NO_CHANGE;
      // Same subscription, new number: keep its id (as the update example in §6.9.1 does); the server decides
      // whether it must be verified again, so the old number's confirmation is not sent back with the new one.
      const next: Record<string, unknown> = current
        ? { ...clone(current), mobileNumber }
        : { mobileNumber, unlistedNumber: false };
      delete next.verified;
      delete next.confirmationTime;
      body.smsNotificationSubscription = next;
      return body;
    }
    case 'removeSms': {
      if (!fetched.smsNotificationSubscription) return NO_CHANGE;
      body.smsNotificationSubscription = null;
      return body;
    }
    case 'removePush': {
      const push = pushOf(body);
      if (!push.some((p) => p.id === intent.id)) return NO_CHANGE;
      body.pushNotificationSubscriptions = push.filter((p) => p.id !== intent.id);
      return body;
    }
    case 'setOptOut': {
      if (isOptedOut(fetched) === intent.optOut) return NO_CHANGE;
      // The printed field is the timestamp; the boolean guess is only echoed where the resource carried it.
      body.optedOutOfNotificationsDateTime = intent.optOut ? now().toISOString() : null;
      if ('optOut' in body) body.optOut = intent.optOut;
      return body;
    }
    case 'setIntroductionCompleted': {
      if ((fetched.introductionCompleted ?? false) === intent.introductionCompleted) return NO_CHANGE;
      body.introductionCompleted = intent.introductionCompleted;
      return body;
    }
  }
};
