import type { FolderRecord, MailboxRecord } from '../context';
import { DOCUMENT_ACTION_SHAPE } from '../../../shared/dp/assumptions';
import { receive } from './letters';
import type { LetterSpec } from './lone-letters';
import type { SeedRun } from './run';

// Letters whose main document carries actions (DOCUMENT_ACTION_SHAPE, all guessed spellings): one of each kind the
// app shows — a payment link, a self-service link, an appointment, and a plain deadline. The letters keep the seed's
// fixed dates; the actions' times count from the sandbox's clock, so their deadlines are always ahead of whoever
// runs the sandbox (that is what "Frister" lists). Spec-minimal mode respells every field of an action (views.ts).

const F = DOCUMENT_ACTION_SHAPE.values.fields;
const C = DOCUMENT_ACTION_SHAPE.values.codes;
const DAY = 86_400_000;

interface ActionLetter {
  spec: LetterSpec;
  actions: (now: number) => Record<string, unknown>[];
}

/** A day ahead at a local (Copenhagen winter, UTC+1) clock time, as an ISO instant. */
const dayAt = (now: number, days: number, hour: number, minute = 0): string => {
  const d = new Date(now + days * DAY);
  d.setUTCHours(hour - 1, minute, 0, 0);
  return d.toISOString();
};

export const ACTION_LETTERS: ActionLetter[] = [
  {
    spec: {
      from: 'skat',
      label: 'Restskat 2025 – indbetaling',
      daysAgo: 236,
      body: {
        kind: 'html',
        paragraphs: ['Du har restskat for 2025 på 2.315 kr.', 'Betal beløbet senest på fristen for at undgå renter.'],
      },
    },
    actions: (now) => [
      {
        [F.code]: C.payment,
        [F.label]: 'Betal restskat',
        [F.url]: 'https://betaling.sandbox.example/restskat?ref=2025-2315',
        [F.end]: dayAt(now, 16, 23, 59),
        [F.status]: { [F.statusCode]: 'PENDING', additionalActionStatusData: [] },
      },
    ],
  },
  {
    spec: {
      from: 'kk',
      label: 'Indkaldelse til tandpleje',
      daysAgo: 237,
      body: { kind: 'html', paragraphs: ['Du er indkaldt til en undersøgelse hos Kommunal Tandpleje.'] },
    },
    actions: (now) => [
      {
        [F.code]: C.appointment,
        [F.label]: 'Undersøgelse hos tandlægen',
        [F.start]: dayAt(now, 10, 8, 30),
        [F.end]: dayAt(now, 10, 9, 15),
        [F.place]: 'Kommunal Tandpleje, Nørrebrogade 1, 2200 København N',
      },
    ],
  },
  {
    spec: {
      from: 'udk',
      label: 'Boligstøtte – ansøg inden fristen',
      daysAgo: 238,
      body: { kind: 'html', paragraphs: ['Du kan søge boligstøtte for 2027 på vores selvbetjening.'] },
    },
    actions: (now) => [
      {
        [F.code]: C.selfService,
        [F.label]: 'Søg boligstøtte',
        [F.url]: 'https://selvbetjening.sandbox.example/boligstoette',
        [F.end]: dayAt(now, 25, 23, 59),
      },
      // A link that is not https: the action is kept, its button is not (memo.document.action.entrypoint.invalid).
      { [F.code]: C.selfService, [F.label]: 'Læs mere', [F.url]: 'http://info.sandbox.example/boligstoette' },
    ],
  },
  {
    spec: {
      from: 'kk',
      label: 'Dokumentation til din sag',
      daysAgo: 239,
      body: { kind: 'html', paragraphs: ['Vi mangler din lønseddel for oktober for at kunne behandle din sag.'] },
    },
    actions: (now) => [{ [F.code]: C.information, [F.label]: 'Send lønseddel', [F.deadline]: dayAt(now, 5, 12) }],
  },
];

/** Receives the action letters in the mailbox's inbox (older than all but the welcome letter, which stays the oldest); returns how many. */
export const seedActionLetters = (run: SeedRun, mailbox: MailboxRecord, folders: Map<string, FolderRecord>): number => {
  const now = Date.parse(run.store.nowIso());
  ACTION_LETTERS.forEach((letter, i) => {
    const m = receive(run, mailbox, folders, letter.spec, 30 + i * 11);
    const main = m.documents.find((d) => d.documentType === 'MAIN');
    if (main) main.actions = letter.actions(now);
  });
  return ACTION_LETTERS.length;
};
