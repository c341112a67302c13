import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { ArchiveStore } from './archive-store';
import {
  bodyTextOf,
  dateOf,
  exportEachLetter,
  recipientName,
  senderName,
  subjectOf,
  type ExportLetter,
  type ExportRunOptions,
  type ExportSummary,
} from './export-letters';
import { letterFolderName, unique } from './export-folder';

/**
 * Digital Post parties have no e-mail address, but RFC 5322 wants one: a fixed address under the reserved `.invalid`
 * domain (RFC 2606) keeps the name readable in mail programs and can never be mistaken for a real mailbox.
 */
const SENDER_ADDRESS = 'afsender@digitalpost.invalid';
const RECIPIENT_ADDRESS = 'modtager@digitalpost.invalid';

/** Stable across exports, so importing the same letter twice is recognised as one message by mail programs. */
export const messageIdOf = (id: string): string => `<${id.replace(/[^A-Za-z0-9._-]/g, '')}@digitalpost.invalid>`;

/** One letter as RFC 5322 with MIME, every file attached with its original name and format. */
export const composeEml = async (store: ArchiveStore, letter: ExportLetter): Promise<Buffer> => {
  const m = letter.message;
  const date = dateOf(m);
  const recipient = recipientName(m);
  const composer = new MailComposer({
    from: { name: senderName(m), address: SENDER_ADDRESS },
    ...(recipient ? { to: { name: recipient, address: RECIPIENT_ADDRESS } } : {}),
    subject: subjectOf(m),
    messageId: messageIdOf(m.id),
    ...(date ? { date } : {}),
    text: bodyTextOf(store, letter) ?? subjectOf(m),
    headers: { 'X-DigitalPost-Message-Id': m.id, ...(m.folderId ? { 'X-DigitalPost-Folder-Id': m.folderId } : {}) },
    attachments: letter.files.map((f) => ({
      filename: f.filename ?? `${f.id}`,
      content: f.content,
      contentType: f.encodingFormat ?? 'application/octet-stream',
      contentTransferEncoding: 'base64' as const,
    })),
  });
  return composer.compile().build();
};

/** asctime as the mbox `From ` line wants it: `Thu Jan  1 00:00:00 2026`, in UTC. */
const asctime = (d: Date): string => {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
};

/**
 * One message as an mboxrd entry: the `From ` separator, the message with LF line ends and every line that starts
 * with any number of `>` followed by `From ` given one more `>` (reversible, unlike mboxo), and a blank line.
 */
export const toMboxrdEntry = (eml: Buffer, date: Date | undefined): string => {
  const text = eml.toString('latin1').replace(/\r\n/g, '\n');
  const quoted = text.replace(/^(>*From )/gm, '>$1');
  return `From MAILER-DAEMON ${asctime(date ?? new Date(0))}\n${quoted}${quoted.endsWith('\n') ? '' : '\n'}\n`;
};

/** The reverse of toMboxrdEntry's quoting, for readers (and tests). */
export const splitMboxrd = (mbox: Buffer): Buffer[] => {
  const text = mbox.toString('latin1');
  return text
    .split(/^From [^\n]*\n/m)
    .slice(1)
    .map((entry) => Buffer.from(entry.replace(/\n$/, '').replace(/^>(>*From )/gm, '$1'), 'latin1'));
};

/** Each letter as `<name>.eml` through the given writer (the caller picks names and where they go). */
export const exportEml = async (
  store: ArchiveStore,
  ids: readonly string[],
  write: (letter: ExportLetter, eml: Buffer) => Promise<void>,
  options: ExportRunOptions = {},
): Promise<ExportSummary> => {
  return exportEachLetter(store, ids, async (letter) => write(letter, await composeEml(store, letter)), options);
};

/** All letters in one mbox file (mboxrd). A cancelled export leaves no half-written file behind. */
export const exportMbox = async (
  store: ArchiveStore,
  ids: readonly string[],
  file: string,
  options: ExportRunOptions = {},
): Promise<ExportSummary> => {
  const handle = await open(file, 'wx', 0o600);
  let complete = false;
  try {
    const summary = await exportEml(
      store,
      ids,
      async (letter, eml) => {
        await handle.write(Buffer.from(toMboxrdEntry(eml, dateOf(letter.message)), 'latin1'));
      },
      options,
    );
    complete = true;
    return summary;
  } finally {
    await handle.close();
    if (!complete) await rm(file, { force: true });
  }
};

/** "E-mail (.eml)": one `ÅÅÅÅ-MM-DD Afsender – Emne.eml` per letter in the target folder. */
export const exportEmlFolder = async (
  store: ArchiveStore,
  ids: readonly string[],
  targetDir: string,
  options: ExportRunOptions = {},
): Promise<ExportSummary> => {
  await mkdir(targetDir, { recursive: true });
  const taken = new Set<string>();
  return exportEml(
    store,
    ids,
    async (letter, eml) => {
      const name = unique(`${letterFolderName(letter)}.eml`, taken);
      await writeFile(join(targetDir, name), eml, { flag: 'wx', mode: 0o600 });
    },
    options,
  );
};
