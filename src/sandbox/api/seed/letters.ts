// Seeded post: received letters, a reply thread, drafts and sent letters, and cheap filler for large mailboxes.
import type { FolderRecord, MailboxRecord, MessageRecord } from '../context';
import { emptyMainDocument, newDocument, newFile, newMessage, newParty } from '../records';
import { authority } from './authorities';
import { letterHtml } from './content';
import { FILLER_SUBJECTS, type LetterSpec } from './lone-letters';
import { iso, SEED_BASE, type SeedRun } from './run';
import { attachmentDocument, htmlMain, mainDocumentFor } from './documents';
import { contentDataFor } from './content-data';

export const receive = (
  run: SeedRun,
  mailbox: MailboxRecord,
  folders: Map<string, FolderRecord>,
  spec: LetterSpec,
  minutes: number,
): MessageRecord => {
  const { store } = run;
  const at = iso(spec.daysAgo, minutes);
  const from = authority(spec.from);
  const documents = [
    mainDocumentFor(run, at, spec),
    ...(spec.attachments ?? []).map((a, i) => attachmentDocument(run, at, a, i * 40)),
  ];
  const folder = spec.folder ? folders.get(spec.folder) : undefined;
  return store.addMessage(
    newMessage(store, at, {
      mailboxId: mailbox.id,
      folderId: folder?.id ?? store.standardFolder(mailbox.id, 'INBOX').id,
      messageState: 'RECEIVED',
      label: spec.label,
      read: spec.read ?? false,
      flag: spec.flag ?? false,
      reply: spec.reply ?? false,
      forward: spec.forward ?? true,
      legalNotification: spec.legalNotification ?? false,
      welcomeMessage: spec.welcomeMessage ?? false,
      errorMessage: spec.errorMessage ?? false,
      sender: newParty(store, from.cvr, 'CVR', from.name),
      recipient: newParty(store, mailbox.ownerId, mailbox.ownerType === 'CITIZEN' ? 'CPR' : 'CVR', mailbox.ownerName),
      documents,
      ...(spec.caseData ? { contentData: contentDataFor(run, mailbox, from, spec.caseData) } : {}),
    }),
  );
};

/** A reply thread A (received) → B (sent reply) → C (authority's answer), per §6.13.8. */
export const seedThread = (
  run: SeedRun,
  mailbox: MailboxRecord,
  original: MessageRecord,
  citizenName: string,
): void => {
  const { store } = run;
  const from = authority('kk');
  const bAt = new Date(Date.parse(original.messageDateTime) + 86_400_000).toISOString();
  const b = store.addMessage(
    newMessage(store, bAt, {
      mailboxId: mailbox.id,
      folderId: store.standardFolder(mailbox.id, 'SENT').id,
      messageState: 'SENT',
      label: `Sv: ${original.label ?? ''}`,
      read: true,
      sendDateTime: bAt,
      sender: newParty(store, mailbox.ownerId, 'CPR', citizenName),
      recipient: newParty(store, from.cvr, 'CVR', from.name),
      documents: [htmlMain(run, bAt, 'Svar', citizenName, ['Tak, vi tager imod pladsen fra 1. marts.'])],
    }),
  );
  b.replyData = [{ id: store.newId(), version: 0, childMessageId: b.id, parentMessageId: original.id }];
  original.userActivities.push({
    id: store.newId(),
    version: 0,
    userActivityType: 'REPLIED',
    activityDateTime: bAt,
    messageId: b.id,
  });
  const cAt = new Date(Date.parse(bAt) + 2 * 86_400_000).toISOString();
  const c = store.addMessage(
    newMessage(store, cAt, {
      mailboxId: mailbox.id,
      folderId: store.standardFolder(mailbox.id, 'INBOX').id,
      messageState: 'RECEIVED',
      label: `Sv: Sv: ${original.label ?? ''}`,
      read: false,
      reply: true,
      forward: true,
      sender: newParty(store, from.cvr, 'CVR', from.name),
      recipient: newParty(store, mailbox.ownerId, 'CPR', citizenName),
      documents: [
        htmlMain(run, cAt, 'Bekræftelse af plads', from.name, [
          'Vi har registreret, at I tager imod pladsen. Velkommen i Vuggestuen Solsikken.',
        ]),
      ],
    }),
  );
  c.replyData = [
    { id: store.newId(), version: 0, childMessageId: c.id, parentMessageId: b.id },
    { id: store.newId(), version: 0, childMessageId: b.id, parentMessageId: original.id },
  ];
};

export const seedDraftsAndSent = (run: SeedRun, mailbox: MailboxRecord, citizenName: string): void => {
  const { store } = run;
  const drafts = store.standardFolder(mailbox.id, 'DRAFTS').id;
  const sent = store.standardFolder(mailbox.id, 'SENT').id;
  const kk = authority('kk');
  const skat = authority('skat');
  // A draft with content, ready to send, and an empty one.
  const d1At = iso(1, 30);
  const d1 = newMessage(store, d1At, {
    mailboxId: mailbox.id,
    folderId: drafts,
    messageState: 'DRAFT',
    label: 'Spørgsmål om affaldsordning',
    read: true,
    sender: newParty(store, mailbox.ownerId, 'CPR', citizenName),
    recipient: newParty(store, kk.cvr, 'CVR', kk.name),
    documents: [
      htmlMain(run, d1At, 'Spørgsmål om affaldsordning', citizenName, [
        'Hvornår tømmes containeren til pap i vores gård?',
      ]),
    ],
  });
  store.addMessage(d1);
  store.addMessage(
    newMessage(store, iso(0, 90), {
      mailboxId: mailbox.id,
      folderId: drafts,
      messageState: 'DRAFT',
      read: true,
      sender: newParty(store, mailbox.ownerId, 'CPR', citizenName),
      documents: [emptyMainDocument(store, iso(0, 90))],
    }),
  );
  for (const [days, to, label, text] of [
    [50, kk, 'Ansøgning om parkeringslicens', 'Jeg ansøger hermed om beboerlicens til zone K.'],
    [33, skat, 'Spørgsmål til forskudsopgørelse', 'Skal jeg selv indtaste mit befordringsfradrag?'],
  ] as const) {
    const at = iso(days);
    store.addMessage(
      newMessage(store, at, {
        mailboxId: mailbox.id,
        folderId: sent,
        messageState: 'SENT',
        label,
        read: true,
        sendDateTime: at,
        sender: newParty(store, mailbox.ownerId, 'CPR', citizenName),
        recipient: newParty(store, to.cvr, 'CVR', to.name),
        documents: [htmlMain(run, at, label, citizenName, [text])],
      }),
    );
  }
};

/** Cheap filler: metadata now, HTML rendered only when someone downloads it. */
export const fillerMessages = (
  run: SeedRun,
  mailbox: MailboxRecord,
  count: number,
  startDaysAgo: number,
  spreadDays: number,
): void => {
  const { store, prng } = run;
  const inbox = store.standardFolder(mailbox.id, 'INBOX').id;
  for (let i = 0; i < count; i += 1) {
    const subject = FILLER_SUBJECTS[i % FILLER_SUBJECTS.length]!;
    const from = authority(subject.from);
    const minutesAgo = Math.floor((startDaysAgo + (spreadDays * i) / Math.max(count, 1)) * 1440) + prng.int(0, 600);
    const at = new Date(SEED_BASE - minutesAgo * 60_000).toISOString();
    const label = i < FILLER_SUBJECTS.length ? subject.label : `${subject.label} (${i + 1})`;
    const render = () => letterHtml(label, from.name, [subject.text, 'Denne meddelelse er genereret af sandkassen.']);
    const fileSize = Buffer.byteLength(render());
    const file = newFile(store, at, {
      encodingFormat: 'text/html',
      filename: 'brev.html',
      fileSize,
      content: () => Buffer.from(render()),
    });
    file.fileSize = fileSize;
    store.addMessage(
      newMessage(store, at, {
        mailboxId: mailbox.id,
        folderId: inbox,
        messageState: 'RECEIVED',
        label,
        read: prng.next() < 0.7,
        flag: prng.next() < 0.05,
        reply: prng.next() < 0.3,
        forward: true,
        sender: newParty(store, from.cvr, 'CVR', from.name),
        recipient: newParty(store, mailbox.ownerId, mailbox.ownerType === 'CITIZEN' ? 'CPR' : 'CVR', mailbox.ownerName),
        documents: [newDocument(store, at, 'MAIN', label, [file])],
      }),
    );
  }
};
