import { randomUUID } from 'node:crypto';
import type { SandboxConfig } from '../../config';
import type { Identity } from '../../identity';
import type { KnownAccessType as AccessType } from '../../../shared/dp/enums';
import type { AccessRecord, DocumentRecord, FileRecord, FolderRecord, MailboxRecord, MessageRecord } from '../context';
import {
  emptyMainDocument,
  newDocument,
  newFile,
  newFolder,
  newMessage,
  newParty,
  STANDARD_FOLDER_NAMES,
} from '../records';
import type { InMemoryMailStore } from '../store';
import { createPrng, type Prng } from '../util';
import { authority, COMPANY, type AuthorityKey } from './authorities';
import { csvTable, largeAnnualStatementHtml, letterHtml, makePdf, makePng, pdfPagesFor, plainText } from './content';
import { FILLER_SUBJECTS, LONE_LETTERS, type Attachment, type Body, type LetterSpec } from './lone-letters';

/** Seeded dates count back from here, so the same seed gives the same mailbox on any day. */
export const SEED_BASE = Date.parse('2026-11-20T08:00:00.000Z');

// Rendered PDFs survive resets: the bytes only depend on title and pages.
const pdfCache = new Map<string, Buffer>();

interface PdfJob {
  key: string;
  title: string;
  pages: string[][];
  file: FileRecord;
}

interface SeedRun {
  store: InMemoryMailStore;
  prng: Prng;
  pdfJobs: PdfJob[];
}

const iso = (daysAgo: number, minutes = 0): string =>
  new Date(SEED_BASE - daysAgo * 86_400_000 - minutes * 60_000).toISOString();

const pdfFile = (run: SeedRun, at: string, filename: string, title: string, pages: string[][]): FileRecord => {
  const key = `${title}\u0000${JSON.stringify(pages)}`;
  const cached = pdfCache.get(key);
  const file = newFile(run.store, at, {
    encodingFormat: 'application/pdf',
    filename,
    content: cached ?? null,
    fileSize: cached?.length ?? 0,
  });
  if (!cached) {
    // Until rendered, reading the content waits for the render.
    file.content = async () => {
      const bytes = pdfCache.get(key) ?? (await makePdf(title, pages));
      pdfCache.set(key, bytes);
      return bytes;
    };
    run.pdfJobs.push({ key, title, pages, file });
  }
  return file;
};

const mainDocumentFor = (
  run: SeedRun,
  at: string,
  spec: { label: string; from: AuthorityKey; body: Body },
): DocumentRecord => {
  const sender = authority(spec.from).name;
  const { store } = run;
  let file: FileRecord;
  switch (spec.body.kind) {
    case 'html': {
      const bytes = Buffer.from(letterHtml(spec.label, sender, spec.body.paragraphs, spec.body.table));
      file = newFile(store, at, { encodingFormat: 'text/html', filename: 'brev.html', content: bytes });
      break;
    }
    case 'bigHtml': {
      const bytes = Buffer.from(largeAnnualStatementHtml());
      file = newFile(store, at, { encodingFormat: 'text/html', filename: 'aarsopgoerelse-2025.html', content: bytes });
      break;
    }
    case 'text': {
      const bytes = Buffer.from(plainText(spec.body.lines));
      file = newFile(store, at, { encodingFormat: 'text/plain', filename: 'brev.txt', content: bytes });
      break;
    }
    case 'pdf':
      file = pdfFile(run, at, 'brev.pdf', spec.label, pdfPagesFor(spec.label, spec.body.pages, spec.body.paragraph));
      break;
  }
  return newDocument(store, at, 'MAIN', spec.label, [file]);
};

const attachmentDocument = (run: SeedRun, at: string, att: Attachment, hue: number): DocumentRecord => {
  const { store } = run;
  let file: FileRecord;
  switch (att.kind) {
    case 'pdf':
      file = pdfFile(
        run,
        at,
        att.filename,
        att.label,
        pdfPagesFor(att.label, att.pages, `${att.label}. Bilaget er en del af afgørelsen.`),
      );
      break;
    case 'csv':
      file = newFile(store, at, {
        encodingFormat: 'text/csv',
        filename: att.filename,
        content: Buffer.from(csvTable(att.rows)),
      });
      break;
    case 'png':
      file = newFile(store, at, { encodingFormat: 'image/png', filename: att.filename, content: makePng(64, 48, hue) });
      break;
  }
  return newDocument(store, at, 'ADDITIONAL', att.label, [file]);
};

const createMailbox = (
  run: SeedRun,
  init: Pick<MailboxRecord, 'ownerType' | 'ownerName' | 'ownerId' | 'ownerIdentityId'>,
): MailboxRecord => {
  const at = iso(400);
  const mailbox: MailboxRecord = {
    id: run.store.newId(),
    version: 0,
    createdDateTime: at,
    lastUpdated: at,
    statusType: 'ACTIVE',
    statusDate: at.slice(0, 10),
    ...init,
  };
  run.store.mailboxes.set(mailbox.id, mailbox);
  for (const type of ['INBOX', 'DRAFTS', 'SENT', 'DELETED'] as const) {
    const folder = newFolder(run.store, at, mailbox.id, type, STANDARD_FOLDER_NAMES[type]);
    run.store.folders.set(folder.id, folder);
  }
  return mailbox;
};

const userFolder = (run: SeedRun, mailboxId: string, name: string, parent?: FolderRecord): FolderRecord => {
  const folder = newFolder(run.store, iso(300), mailboxId, 'USER_DEFINED', name, parent?.id);
  run.store.folders.set(folder.id, folder);
  return folder;
};

const grantAccess = (
  run: SeedRun,
  identity: Identity,
  mailbox: MailboxRecord,
  accessType: AccessType,
  n: number,
): AccessRecord => {
  const { store, prng } = run;
  const at = iso(390);
  const hex = (len: number) => Array.from({ length: len }, () => prng.int(0, 15).toString(16)).join('');
  const access: AccessRecord = {
    id: store.newId(),
    version: 0,
    createdDateTime: at,
    lastUpdated: at,
    mailboxId: mailbox.id,
    identityId: identity.id,
    accessType,
    introductionCompleted: true,
    optOut: false,
    emailNotificationSubscriptions: [
      { id: store.newId(), version: 0, email: `${identity.id}${n > 0 ? `+${n}` : ''}@example.dk` },
    ],
    smsNotificationSubscription: {
      id: store.newId(),
      version: 0,
      mobileNumber: `2${String(prng.int(1000000, 9999999))}`,
      unlistedNumber: false,
      verified: true,
    },
    pushNotificationSubscriptions: [
      {
        id: store.newId(),
        version: 0,
        providerType: 'APN',
        deviceId: store.newId(),
        instanceId: store.newId(),
        tenantId: store.newId(),
        deviceToken: hex(64),
      },
      {
        id: store.newId(),
        version: 0,
        providerType: 'FCM',
        deviceId: store.newId(),
        instanceId: store.newId(),
        tenantId: store.newId(),
        deviceToken: hex(32).toUpperCase(),
      },
    ],
  };
  store.accesses.set(access.id, access);
  return access;
};

const receive = (
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
    }),
  );
};

const htmlMain = (run: SeedRun, at: string, label: string, sender: string, paragraphs: string[]): DocumentRecord =>
  newDocument(run.store, at, 'MAIN', 'Hoveddokument', [
    newFile(run.store, at, {
      encodingFormat: 'text/html',
      filename: 'hoveddokument.html',
      content: Buffer.from(letterHtml(label, sender, paragraphs)),
    }),
  ]);

/** A reply thread A (received) → B (sent reply) → C (authority's answer), per §6.13.8. */
const seedThread = (run: SeedRun, mailbox: MailboxRecord, original: MessageRecord, citizenName: string): void => {
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

const seedDraftsAndSent = (run: SeedRun, mailbox: MailboxRecord, citizenName: string): void => {
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
const fillerMessages = (
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

/**
 * Fills the store from config.seed. Synchronous except PDF rendering (pdf-lib is async): the returned promise
 * settles when every seeded PDF has bytes and a fileSize; content requests before that simply wait.
 */
export const seedStore = (
  store: InMemoryMailStore,
  config: SandboxConfig,
  identities: readonly Identity[],
): Promise<void> => {
  store.clear();
  store.queryLagMs = 0; // seeded data is visible at once
  const prng = createPrng(config.seed);
  const run: SeedRun = { store, prng, pdfJobs: [] };
  store.idSource = prng.uuid;
  try {
    const byId = new Map(identities.map((i) => [i.id, i]));
    const mailboxOf = new Map<string, MailboxRecord>();
    for (const identity of identities) {
      if (identity.kind === 'citizen') {
        mailboxOf.set(
          identity.id,
          createMailbox(run, {
            ownerType: 'CITIZEN',
            ownerName: identity.name,
            ownerId: identity.cpr,
            ownerIdentityId: identity.id,
          }),
        );
      }
    }
    const companyCvr = identities.find((i) => i.kind === 'employee' && i.cvr)?.cvr ?? COMPANY.cvr;
    const company = createMailbox(run, { ownerType: 'COMPANY', ownerName: COMPANY.name, ownerId: companyCvr });

    for (const identity of identities) {
      const own = mailboxOf.get(identity.id);
      if (own) grantAccess(run, identity, own, 'OWNER', 0);
      if (identity.kind === 'employee') grantAccess(run, identity, company, 'EMPLOYEE', 0);
    }
    const lone = byId.get('lone');
    const karl = byId.get('karl');
    const loneMb = mailboxOf.get('lone');
    const karlMb = mailboxOf.get('karl');
    if (lone && karl && loneMb && karlMb) {
      grantAccess(run, lone, karlMb, 'FULL_POWER_OF_ATTORNEY', 1);
      // A read-only legal representative, so the reader restrictions (§6.13.5) can be exercised end to end.
      grantAccess(run, karl, loneMb, 'LEGAL_REPRESENTATIVE_READER', 1);
    }

    if (loneMb && lone) {
      const folders = new Map<string, FolderRecord>();
      const arkiv = userFolder(run, loneMb.id, 'Arkiv');
      folders.set('Arkiv', arkiv);
      folders.set('Skat', userFolder(run, loneMb.id, 'Skat', arkiv));
      const bolig = userFolder(run, loneMb.id, 'Bolig');
      folders.set('Bolig', bolig);
      folders.set('Ejendomsskat', userFolder(run, loneMb.id, 'Ejendomsskat', bolig));
      folders.set('Sundhed', userFolder(run, loneMb.id, 'Sundhed'));
      let pladsanvisning: MessageRecord | undefined;
      LONE_LETTERS.forEach((spec, i) => {
        const m = receive(run, loneMb, folders, spec, i * 7);
        if (spec.label.startsWith('Pladsanvisning')) pladsanvisning = m;
      });
      if (pladsanvisning) seedThread(run, loneMb, pladsanvisning, lone.name);
      seedDraftsAndSent(run, loneMb, lone.name);
      fillerMessages(run, loneMb, 40 - LONE_LETTERS.length - 1, 4, 200);
      if (config.messages > 0) fillerMessages(run, loneMb, config.messages, 0, 730);
    }
    if (karlMb) {
      const folders = new Map<string, FolderRecord>();
      const karlLetters: LetterSpec[] = [
        {
          from: 'digst',
          label: 'Velkommen til Digital Post',
          daysAgo: 300,
          read: true,
          welcomeMessage: true,
          body: { kind: 'html', paragraphs: ['Velkommen til Digital Post.'] },
        },
        {
          from: 'udk',
          label: 'Folkepension – udbetaling',
          daysAgo: 40,
          reply: true,
          body: { kind: 'html', paragraphs: ['Din folkepension udbetales den sidste hverdag i måneden.'] },
        },
        {
          from: 'skat',
          label: 'Årsopgørelse 2025',
          daysAgo: 210,
          read: true,
          body: { kind: 'pdf', pages: 2, paragraph: 'Din årsopgørelse viser, at du skal have 1.104 kr. tilbage.' },
        },
        {
          from: 'regionh',
          label: 'Henvisning til fysioterapi',
          daysAgo: 12,
          body: { kind: 'text', lines: ['Du er henvist til fysioterapi.', 'Kontakt en fysioterapeut med ydernummer.'] },
        },
        {
          from: 'kk',
          label: 'Tilbud om hjemmehjælp',
          daysAgo: 6,
          reply: true,
          body: { kind: 'html', paragraphs: ['Du er bevilget praktisk hjælp hver 14. dag.'] },
        },
        {
          from: 'politi',
          label: 'Anmeldelse modtaget',
          daysAgo: 90,
          read: true,
          body: { kind: 'html', paragraphs: ['Vi har modtaget din anmeldelse af indbrud.'] },
        },
      ];
      karlLetters.forEach((spec, i) => receive(run, karlMb, folders, spec, i));
    }
    {
      const folders = new Map<string, FolderRecord>();
      const companyLetters: LetterSpec[] = [
        {
          from: 'erst',
          label: 'Påmindelse: Indsend årsrapport',
          daysAgo: 20,
          reply: true,
          body: { kind: 'html', paragraphs: ['Husk at indsende årsrapporten for regnskabsåret.'] },
        },
        {
          from: 'skat',
          label: 'Momsangivelse – kvittering',
          daysAgo: 9,
          read: true,
          body: {
            kind: 'html',
            paragraphs: ['Vi har modtaget jeres momsangivelse.'],
            table: [
              ['Periode', 'Beløb'],
              ['3. kvartal', '42.180 kr.'],
            ],
          },
        },
        {
          from: 'skat',
          label: 'Lønsumsafgift',
          daysAgo: 60,
          read: true,
          body: { kind: 'pdf', pages: 1, paragraph: 'Opgørelse af lønsumsafgift for perioden.' },
        },
        {
          from: 'kk',
          label: 'Erhvervsaffald – registrering',
          daysAgo: 4,
          body: { kind: 'html', paragraphs: ['Virksomheden er registreret i erhvervsaffaldsordningen.'] },
        },
      ];
      companyLetters.forEach((spec, i) => receive(run, company, folders, spec, i));
    }
  } finally {
    store.idSource = randomUUID;
    store.queryLagMs = config.queryLagMs;
  }
  return renderPdfs(run.pdfJobs);
};

const renderPdfs = async (jobs: PdfJob[]): Promise<void> => {
  for (const job of jobs) {
    const bytes = pdfCache.get(job.key) ?? (await makePdf(job.title, job.pages));
    pdfCache.set(job.key, bytes);
    // The file may have been replaced by an upload meanwhile; only fill in what is still the seeded content.
    if (typeof job.file.content === 'function') {
      job.file.content = bytes;
      job.file.fileSize = bytes.length;
    }
  }
};
