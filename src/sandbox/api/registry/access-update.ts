import type { AccessRecord, EmailSubscriptionRecord, PushSubscriptionRecord, SmsSubscriptionRecord } from '../context';
import { isEmail } from '../util';
import { validationError, type FieldProblem } from './errors';
import { normaliseDanishMobile } from './phone';

/**
 * How many e-mail addresses one access may notify. §13.4.1 has the code access.maximum.number.of.emails.exceeded
 * but leaves the number as {0}; the document prints no limit, so the sandbox chooses 5.
 */
export const MAX_EMAIL_SUBSCRIPTIONS = 5;

const PROVIDER_TYPES = ['APN', 'FCM'] as const;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export interface AccessChange {
  introductionCompleted: boolean;
  optOut: boolean;
  emails: { id?: string; email: string }[];
  sms: { id?: string; mobileNumber: string; unlistedNumber: boolean } | null;
  push: {
    id?: string;
    providerType: 'APN' | 'FCM';
    deviceId: string;
    deviceToken: string;
    instanceId?: string;
    tenantId?: string;
  }[];
}

/**
 * Reads a PUT body for the access. PUT replaces the resource (REST conventions: what is left out is removed), so a
 * missing subscription is deleted and a missing flag is false, exactly as the real service treats a partial body.
 */
export const parseAccessPut = (body: unknown, current: AccessRecord, now: Date): AccessChange => {
  if (!isObject(body)) throw validationError('access', [{ code: 'field.value.is.needed', field: 'body' }]);
  const problems: FieldProblem[] = [];

  const introductionCompleted = body.introductionCompleted === true;

  let optOut = body.optOut === true;
  if (body.optOut === undefined && body.optedOutOfNotificationsDateTime !== undefined) {
    const optedOut = body.optedOutOfNotificationsDateTime;
    if (optedOut !== null) {
      const at = Date.parse(String(optedOut));
      if (Number.isNaN(at))
        problems.push({
          code: 'field.value.is.needed',
          field: 'optedOutOfNotificationsDateTime',
          rejectedValue: optedOut,
        });
      else if (at > now.getTime())
        problems.push({
          code: 'access.optedOutOfNotificationsDateTime.isInAFuture',
          field: 'optedOutOfNotificationsDateTime',
          rejectedValue: optedOut,
        });
      else optOut = true;
    }
  }

  const emails: AccessChange['emails'] = [];
  const rawEmails = body.emailNotificationSubscriptions ?? [];
  if (!Array.isArray(rawEmails))
    problems.push({
      code: 'access.emailNotificationSubscriptions.email.invalid',
      field: 'emailNotificationSubscriptions',
    });
  else {
    if (rawEmails.length > MAX_EMAIL_SUBSCRIPTIONS) {
      problems.push({
        code: 'access.maximum.number.of.emails.exceeded',
        field: 'emailNotificationSubscriptions',
        args: [MAX_EMAIL_SUBSCRIPTIONS],
      });
    }
    const seen = new Set<string>();
    rawEmails.forEach((item: unknown, index) => {
      const field = `emailNotificationSubscriptions[${index}].email`;
      const email = isObject(item) ? str(item.email)?.trim() : undefined;
      if (email === undefined || email === '')
        return void problems.push({ code: 'access.emailNotificationSubscriptions.email.required', field });
      if (!isEmail(email))
        return void problems.push({
          code: 'access.emailNotificationSubscriptions.email.invalid',
          field,
          rejectedValue: email,
        });
      const key = email.toLowerCase();
      if (seen.has(key))
        return void problems.push({
          code: 'access.emailNotificationSubscriptions.email.alreadyUsed',
          field,
          rejectedValue: email,
          args: [email],
        });
      seen.add(key);
      const id = isObject(item) ? str(item.id) : undefined;
      if (id !== undefined && !current.emailNotificationSubscriptions.some((s) => s.id === id)) {
        return void problems.push({
          code: 'id.not.exist',
          field: `emailNotificationSubscriptions[${index}].id`,
          rejectedValue: id,
        });
      }
      emails.push({ ...(id !== undefined ? { id } : {}), email });
    });
  }

  let sms: AccessChange['sms'] = null;
  const rawSms = body.smsNotificationSubscription;
  if (rawSms !== undefined && rawSms !== null) {
    const field = 'smsNotificationSubscription.mobileNumber';
    const number = isObject(rawSms) ? str(rawSms.mobileNumber)?.trim() : undefined;
    const id = isObject(rawSms) ? str(rawSms.id) : undefined;
    if (number === undefined || number === '')
      problems.push({ code: 'access.smsNotificationSubscription.mobileNumber.required', field });
    else {
      const mobileNumber = normaliseDanishMobile(number);
      if (mobileNumber === undefined)
        problems.push({
          code: 'access.smsNotificationSubscription.mobileNumber.invalid',
          field,
          rejectedValue: number,
          args: [number],
        });
      else if (id !== undefined && current.smsNotificationSubscription?.id !== id) {
        problems.push({ code: 'id.not.exist', field: 'smsNotificationSubscription.id', rejectedValue: id });
      } else {
        const unlistedNumber =
          isObject(rawSms) && typeof rawSms.unlistedNumber === 'boolean' ? rawSms.unlistedNumber : false;
        sms = { ...(id !== undefined ? { id } : {}), mobileNumber, unlistedNumber };
      }
    }
  }

  const push: AccessChange['push'] = [];
  const rawPush = body.pushNotificationSubscriptions ?? [];
  if (!Array.isArray(rawPush)) problems.push({ code: 'field.value.is.needed', field: 'pushNotificationSubscriptions' });
  else {
    const devices = new Set<string>();
    rawPush.forEach((item: unknown, index) => {
      const at = `pushNotificationSubscriptions[${index}]`;
      const entry = isObject(item) ? item : {};
      const deviceId = str(entry.deviceId)?.trim();
      const deviceToken = str(entry.deviceToken)?.trim();
      const providerType = str(entry.providerType);
      const id = str(entry.id);
      const before = problems.length;
      if (deviceId === undefined || deviceId === '')
        problems.push({ code: 'access.pushNotificationSubscriptions.deviceId.required', field: `${at}.deviceId` });
      else if (devices.has(deviceId))
        problems.push({
          code: 'access.pushNotificationSubscriptions.deviceId.alreadyUsed',
          field: `${at}.deviceId`,
          rejectedValue: deviceId,
          args: [deviceId],
        });
      if (providerType === undefined) problems.push({ code: 'field.value.is.needed', field: `${at}.providerType` });
      else if (!(PROVIDER_TYPES as readonly string[]).includes(providerType))
        problems.push({
          code: 'type.wrong',
          field: `${at}.providerType`,
          rejectedValue: providerType,
          args: [providerType],
        });
      if (deviceToken === undefined || deviceToken === '')
        problems.push({ code: 'field.value.is.needed', field: `${at}.deviceToken` });
      if (id !== undefined && !current.pushNotificationSubscriptions.some((s) => s.id === id))
        problems.push({ code: 'id.not.exist', field: `${at}.id`, rejectedValue: id });
      if (problems.length > before || deviceId === undefined || deviceToken === undefined) return;
      devices.add(deviceId);
      const instanceId = str(entry.instanceId);
      const tenantId = str(entry.tenantId);
      push.push({
        ...(id !== undefined ? { id } : {}),
        providerType: providerType as 'APN' | 'FCM',
        deviceId,
        deviceToken,
        ...(instanceId !== undefined ? { instanceId } : {}),
        ...(tenantId !== undefined ? { tenantId } : {}),
      });
    });
  }

  if (problems.length > 0) throw validationError('access', problems);
  return { introductionCompleted, optOut, emails, sms, push };
};

export interface AppliedChange {
  /** Set when the SMS subscription is new or its number changed: it needs a PIN unless already verified. */
  newSms?: SmsSubscriptionRecord;
  removedSmsId?: string;
}

/**
 * Writes the change into the record in place. Subscriptions keep id and version when unchanged, get version + 1
 * when changed, and new ones get fresh ids; a subscription sent without id matches an existing one by value.
 */
export const applyAccessChange = (
  access: AccessRecord,
  change: AccessChange,
  newId: () => string,
  isNumberVerified: (mobileNumber: string) => boolean,
): AppliedChange => {
  const result: AppliedChange = {};
  access.introductionCompleted = change.introductionCompleted;
  access.optOut = change.optOut;

  const oldEmails = access.emailNotificationSubscriptions;
  access.emailNotificationSubscriptions = change.emails.map((wanted): EmailSubscriptionRecord => {
    const existing =
      (wanted.id !== undefined ? oldEmails.find((s) => s.id === wanted.id) : undefined) ??
      (wanted.id === undefined
        ? oldEmails.find((s) => s.email.toLowerCase() === wanted.email.toLowerCase())
        : undefined);
    if (!existing) return { id: newId(), version: 0, email: wanted.email };
    return existing.email === wanted.email
      ? { ...existing }
      : { id: existing.id, version: existing.version + 1, email: wanted.email };
  });

  const oldSms = access.smsNotificationSubscription;
  if (change.sms === null) {
    access.smsNotificationSubscription = null;
    if (oldSms) result.removedSmsId = oldSms.id;
  } else if (oldSms && oldSms.mobileNumber === change.sms.mobileNumber) {
    const changed = oldSms.unlistedNumber !== change.sms.unlistedNumber;
    access.smsNotificationSubscription = {
      ...oldSms,
      unlistedNumber: change.sms.unlistedNumber,
      version: oldSms.version + (changed ? 1 : 0),
    };
  } else {
    // A new number starts unverified unless the holder already proved it elsewhere (§4.5.4 does the same for NemSMS).
    const record: SmsSubscriptionRecord = {
      id: oldSms?.id ?? newId(),
      version: oldSms ? oldSms.version + 1 : 0,
      mobileNumber: change.sms.mobileNumber,
      unlistedNumber: change.sms.unlistedNumber,
      verified: isNumberVerified(change.sms.mobileNumber),
    };
    access.smsNotificationSubscription = record;
    result.newSms = record;
  }

  const oldPush = access.pushNotificationSubscriptions;
  access.pushNotificationSubscriptions = change.push.map((wanted): PushSubscriptionRecord => {
    const existing =
      (wanted.id !== undefined ? oldPush.find((s) => s.id === wanted.id) : undefined) ??
      (wanted.id === undefined ? oldPush.find((s) => s.deviceId === wanted.deviceId) : undefined);
    const { id: _ignored, ...fields } = wanted;
    if (!existing) return { id: newId(), version: 0, ...fields };
    const same =
      existing.providerType === fields.providerType &&
      existing.deviceId === fields.deviceId &&
      existing.deviceToken === fields.deviceToken &&
      existing.instanceId === fields.instanceId &&
      existing.tenantId === fields.tenantId;
    return { id: existing.id, version: existing.version + (same ? 0 : 1), ...fields };
  });
  return result;
};
