import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { JournalRecordSchema, SafeId, type JournalCodec } from './journal';

// Journal entries at rest: AES-256-GCM with a fresh 96-bit IV per write. The additional data binds each entry to its
// environment, its person and its draft, so an entry moved into another person's folder (or renamed to another
// draft) fails authentication instead of being shown.

const MAGIC = Buffer.from('DPJ1', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER = MAGIC.length + IV_BYTES + TAG_BYTES;

/** Two keys from the one stored secret: names and ciphertext never share a key. */
export interface JournalKeys {
  cipherKey: Buffer;
  nameKey: Buffer;
}

export const JOURNAL_KEY_BYTES = 32;

export const deriveJournalKeys = (master: Buffer): JournalKeys => {
  if (master.length !== JOURNAL_KEY_BYTES) throw new Error('journal key must be 32 bytes');
  const derive = (info: string): Buffer =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `digital-post-desktop/journal/${info}`, 32));
  return { cipherKey: derive('cipher'), nameKey: derive('names') };
};

const tag = (key: Buffer, ...parts: string[]): string =>
  createHmac('sha256', key).update(parts.join('\u0000')).digest('hex').slice(0, 32);

/**
 * The folder name of one person in one environment: keyed, so neither the sub nor a CPR number can be read from it
 * or guessed by hashing candidates.
 */
export const ownerTagOf = (keys: JournalKeys, environment: string, sub: string): string =>
  tag(keys.nameKey, 'owner', environment, sub);

/** Entries nobody has claimed yet (migrated from an earlier version that recorded no owner). */
export const UNCLAIMED_TAG = 'unclaimed';

export const createSealedCodec = (keys: JournalKeys, environment: string, ownerTag: string): JournalCodec => {
  const aadOf = (stem: string): Buffer =>
    Buffer.from(['dp-journal/v1', environment, ownerTag, stem].join('\u0000'), 'utf8');
  const stemOf = (mailboxId: string, messageId: string): string =>
    tag(keys.nameKey, 'draft', environment, ownerTag, SafeId.parse(mailboxId), SafeId.parse(messageId));
  return {
    suffix: '.draft.sealed',
    stemOf,
    encode(stem, record) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keys.cipherKey, iv);
      cipher.setAAD(aadOf(stem));
      const body = Buffer.concat([cipher.update(JSON.stringify(record), 'utf8'), cipher.final()]);
      return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
    },
    decode(stem, data) {
      if (data.length < HEADER || !data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
      const iv = data.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
      const authTag = data.subarray(MAGIC.length + IV_BYTES, HEADER);
      let plain: string;
      try {
        const decipher = createDecipheriv('aes-256-gcm', keys.cipherKey, iv);
        decipher.setAAD(aadOf(stem));
        decipher.setAuthTag(authTag);
        plain = Buffer.concat([decipher.update(data.subarray(HEADER)), decipher.final()]).toString('utf8');
      } catch {
        // Tampered, another key, or another person's / draft's entry: refused, never shown.
        return undefined;
      }
      try {
        const parsed = JournalRecordSchema.safeParse(JSON.parse(plain));
        if (!parsed.success) return undefined;
        return stemOf(parsed.data.mailboxId, parsed.data.messageId) === stem ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
  };
};
