import { describe, expect, it } from 'vitest';
import {
  DP_ERROR_MESSAGES,
  DP_GENERIC_ERROR_MESSAGE,
  dpErrorMessage,
  dpFieldError,
  isDpErrorCode,
} from './error-codes';
import { formatMessage } from './message-format';

describe('DP_ERROR_MESSAGES', () => {
  it('holds the §13.4.1 codes verbatim, wrapped lines joined', () => {
    expect(DP_ERROR_MESSAGES['message.update.folderType.not.allowed']).toBe(
      'En meddelelse i tilstand {0} kan ikke flyttes til mappe af typen {1}',
    );
    expect(DP_ERROR_MESSAGES['access.emailNotificationSubscriptions.confirmationTime.verificationRequired']).toBe(
      'Verifikation skal gennemføres før e-mailadressen kan bekræftes.',
    );
    expect(DP_ERROR_MESSAGES['verification.pin.invalid']).toBe('Ugyldig PIN');
    expect(DP_ERROR_MESSAGES['verification.max.attempts']).toBe('Det maksimale antal forsøg er overskredet.');
    expect(DP_ERROR_MESSAGES['html.validator.rejected.element']).toBe(
      'Filen {0} indeholder element "{1}", som enten ikke tilladt eller som indeholder data, der ikke er tilladt.',
    );
    expect(DP_ERROR_MESSAGES['systemFetch.systemId.not.default']).toBe(
      'Systemet er ikke angivet som værende det primære modtagersystem.',
    );
    expect(DP_ERROR_MESSAGES['value.is.between.zero.and.one']).toBe(
      'Den angive værdi er ikke mellem 0 og 1 (inklusiv)',
    );
  });

  it('has keys that look like codes and messages without page furniture', () => {
    const entries = Object.entries(DP_ERROR_MESSAGES);
    expect(entries.length).toBeGreaterThan(350);
    for (const [code, message] of entries) {
      expect(code).toMatch(/^[a-zA-Z][\w-]*(\.[\w-]+)+$/);
      expect(message).not.toMatch(/Technical Integration|Error codes –|\s{2}|\uFFFD/);
    }
  });
});

describe('dpErrorMessage', () => {
  it('substitutes positional placeholders', () => {
    expect(dpErrorMessage('message.update.folderType.not.allowed', 'SENT', 'DRAFTS')).toBe(
      'En meddelelse i tilstand SENT kan ikke flyttes til mappe af typen DRAFTS',
    );
    expect(dpErrorMessage('access.maximum.number.of.emails.exceeded', 5)).toBe(
      'Der kan maksimalt oprettes 5 antal e-mails til notifikation for denne type adgang.',
    );
  });

  it('keeps a placeholder with no argument, and unquotes doubled quotes', () => {
    expect(dpErrorMessage('access.emailNotificationSubscriptions.email.alreadyUsed')).toBe(
      'E-mailadressen {0} er allerede angivet én gang.',
    );
    expect(dpErrorMessage('notification.email.standard.system.closed.content.system.type.is.sender', 'X')).toMatch(
      /^Det betyder, at jeres aktive system 'X' ikke/,
    );
  });

  it('answers an unknown code with the generic Danish message', () => {
    expect(isDpErrorCode('no.such.code')).toBe(false);
    expect(dpErrorMessage('no.such.code', 1)).toBe(DP_GENERIC_ERROR_MESSAGE);
  });

  it('formats choice arguments', () => {
    expect(formatMessage('{0, choice, 1#ét system|1<{0} systemer}', [1])).toBe('ét system');
    expect(formatMessage('{0, choice, 1#ét system|1<{0} systemer}', [3])).toBe('3 systemer');
  });
});

describe('dpFieldError', () => {
  it('builds a fieldErrors entry with the formatted message', () => {
    expect(
      dpFieldError('access.smsNotificationSubscription.mobileNumber.invalid', {
        resource: 'access',
        field: 'smsNotificationSubscription.mobileNumber',
        rejectedValue: '123',
        args: ['123'],
      }),
    ).toEqual({
      code: 'access.smsNotificationSubscription.mobileNumber.invalid',
      message: 'Mobiltelefonnummeret 123 er ikke et gyldigt dansk nummer.',
      resource: 'access',
      field: 'smsNotificationSubscription.mobileNumber',
      rejectedValue: '123',
    });
    expect(dpFieldError('verification.pin.invalid')).toEqual({
      code: 'verification.pin.invalid',
      message: 'Ugyldig PIN',
    });
  });
});
