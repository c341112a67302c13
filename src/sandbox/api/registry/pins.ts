import { randomInt } from 'node:crypto';
import type { Outbox, OutboxEntry } from '../context';
import { codedError } from './errors';

// PIN verification of mobile numbers (access SMS notifications and NemSMS). The document prints the codes
// (verification.*) but not the PIN length, lifetime or attempt limit; these are the sandbox's choices.
export const PIN_LENGTH = 6;
export const PIN_VALIDITY_MS = 10 * 60 * 1000;
export const PIN_MAX_ATTEMPTS = 3;

export type PinPurpose = 'access-sms' | 'nemsms';

interface PendingPin {
  pin: string;
  issuedAt: number;
  failedAttempts: number;
}

export interface PinMeta {
  pin: string;
  purpose: PinPurpose;
}

export class PinVerifications {
  private readonly pending = new Map<string, PendingPin>();
  /** What the outbox hook shows next to an SMS it did not write itself; weak so outbox.clear() frees it. */
  readonly sentPins = new WeakMap<OutboxEntry, PinMeta>();

  constructor(
    private readonly now: () => Date,
    private readonly outbox: Outbox,
    private readonly generate: () => string = () => String(randomInt(0, 10 ** PIN_LENGTH)).padStart(PIN_LENGTH, '0'),
  ) {}

  /** A fresh PIN for the subscription (any earlier one stops working), sent by SMS to `mobileNumber`. */
  issue(subscriptionId: string, mobileNumber: string, purpose: PinPurpose): void {
    const pin = this.generate();
    this.pending.set(subscriptionId, { pin, issuedAt: this.now().getTime(), failedAttempts: 0 });
    const what = purpose === 'nemsms' ? 'NemSMS' : 'notifikationer fra Digital Post';
    const entry = this.outbox.push({
      kind: 'sms',
      to: mobileNumber,
      body: `Din pinkode til at bekræfte dit nummer til ${what} er ${pin}. Koden udløber om ${PIN_VALIDITY_MS / 60000} minutter.`,
    });
    this.sentPins.set(entry, { pin, purpose });
  }

  isPending(subscriptionId: string): boolean {
    return this.pending.has(subscriptionId);
  }

  /** Throws the §13.4.1 verification code for a PIN that does not verify; consumes the PIN when it does. */
  verify(subscriptionId: string, pin: string, resource: string): void {
    const state = this.pending.get(subscriptionId);
    if (!state) throw codedError(400, resource, 'verification.not.in.verifying.state');
    if (state.failedAttempts >= PIN_MAX_ATTEMPTS) throw codedError(400, resource, 'verification.max.attempts');
    if (this.now().getTime() - state.issuedAt > PIN_VALIDITY_MS)
      throw codedError(400, resource, 'verification.validity.exceeded');
    if (pin.trim() !== state.pin) {
      state.failedAttempts += 1;
      if (state.failedAttempts >= PIN_MAX_ATTEMPTS) throw codedError(400, resource, 'verification.max.attempts');
      throw codedError(400, resource, 'verification.pin.invalid');
    }
    this.pending.delete(subscriptionId);
  }

  drop(subscriptionId: string): void {
    this.pending.delete(subscriptionId);
  }

  clear(): void {
    this.pending.clear();
  }
}
