import { randomUUID } from 'node:crypto';
import type { SandboxConfig } from '../../config';
import type { Identity } from '../../identity';
import type { FolderRecord, MailboxRecord, MessageRecord } from '../context';
import type { InMemoryMailStore } from '../store';
import { createPrng } from '../util';
import { COMPANY } from './authorities';
import { type LetterSpec, LONE_LETTERS } from './lone-letters';
import { renderPdfs, type SeedRun } from './run';
import { createMailbox, grantAccess, userFolder } from './mailboxes';
import { fillerMessages, receive, seedDraftsAndSent, seedThread } from './letters';
import { seedActionLetters } from './action-letters';

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
      // Last and oldest, so the letters, ids and list positions seeded before them stay as they were.
      seedActionLetters(run, loneMb, folders);
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
