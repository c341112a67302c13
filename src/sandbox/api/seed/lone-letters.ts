import type { CaseDataSpec } from './content-data';
import type { AuthorityKey } from './authorities';

// Hand-written letters for the main test citizen's inbox. Content is invented; no real person's data.

export type Body =
  | { kind: 'html'; paragraphs: string[]; table?: string[][] }
  | { kind: 'pdf'; pages: number; paragraph: string }
  | { kind: 'text'; lines: string[] }
  | { kind: 'bigHtml' };

export type Attachment =
  | { kind: 'pdf'; label: string; filename: string; pages: number }
  | { kind: 'csv'; label: string; filename: string; rows: string[][] }
  | { kind: 'png'; label: string; filename: string };

export interface LetterSpec {
  from: AuthorityKey;
  label: string;
  daysAgo: number;
  body: Body;
  attachments?: Attachment[];
  read?: boolean;
  flag?: boolean;
  reply?: boolean;
  forward?: boolean;
  legalNotification?: boolean;
  welcomeMessage?: boolean;
  errorMessage?: boolean;
  /** Name of a user-defined folder; default INBOX. */
  folder?: string;
  caseData?: CaseDataSpec;
}

/** Lone's address and the vehicle and education fields every case record carries. */
const LONE_CASE_BASE = {
  motorVehicle: { licenseNumber: 'AB12345', chassisNumber: 'WVWZZZ1JZXW000001' },
  propertyNumber: '101-123456',
  education: { code: 'AB47236', name: 'Københavns Universitet' },
  address: { label: 'Nørrebrogade', houseNumber: '12', door: 'tv', floor: '2', zipCode: '2200', city: 'København N' },
};

const P = (...paragraphs: string[]): Body => ({ kind: 'html', paragraphs });

export const LONE_LETTERS: LetterSpec[] = [
  {
    from: 'digst',
    label: 'Velkommen til Digital Post',
    daysAgo: 240,
    read: true,
    welcomeMessage: true,
    forward: true,
    body: P(
      'Velkommen til Digital Post. Her modtager du breve fra offentlige myndigheder.',
      'Du kan få besked på e-mail eller sms, når du får ny post. Det vælger du under indstillinger.',
    ),
  },
  {
    from: 'skat',
    label: 'Årsopgørelse 2025 – detaljeret',
    daysAgo: 200,
    read: true,
    forward: true,
    body: { kind: 'bigHtml' },
    folder: 'Skat',
  },
  {
    from: 'skat',
    label: 'Din forskudsopgørelse for 2026',
    daysAgo: 35,
    forward: true,
    reply: true,
    body: {
      kind: 'pdf',
      pages: 3,
      paragraph:
        'Forskudsopgørelsen viser, hvad vi forventer, at du tjener og skal betale i skat i 2026. Ret den, hvis dine forhold ændrer sig.',
    },
  },
  {
    from: 'skat',
    label: 'Vejledning om fradrag – samlet oversigt',
    daysAgo: 150,
    read: true,
    forward: true,
    body: {
      kind: 'pdf',
      pages: 20,
      paragraph:
        'Denne vejledning gennemgår de almindelige fradrag: befordring, renter, fagforening, gaver, servicefradrag og pension. Hvert afsnit forklarer betingelser og beløbsgrænser.',
    },
  },
  {
    from: 'skat',
    label: 'Rykker: Restskat',
    daysAgo: 20,
    flag: true,
    forward: true,
    body: P(
      'Vi har endnu ikke modtaget din betaling af restskat på 2.314 kr.',
      'Betal senest den 20. i næste måned for at undgå renter.',
    ),
  },
  {
    from: 'udk',
    label: 'Afgørelse om boligstøtte',
    daysAgo: 120,
    read: true,
    reply: true,
    forward: true,
    body: P(
      'Du er berettiget til boligstøtte på 1.250 kr. om måneden.',
      'Afgørelsen er truffet efter lov om individuel boligstøtte.',
    ),
    attachments: [{ kind: 'pdf', label: 'Beregning af boligstøtte', filename: 'beregning.pdf', pages: 2 }],
    caseData: {
      ...LONE_CASE_BASE,
      caseId: 'BS-2026-118734',
      caseSystem: 'Boligstøttesystemet',
      kle: { subjectKey: '32.21.00', version: '3', activityFacet: 'G01', label: 'Boligstøtte' },
      form: { taskKey: '32.21.10', version: '3', activityFacet: 'Afgørelse', label: 'Boligydelse' },
      productionUnit: { number: 1003456789, name: 'Udbetaling Danmark, Boligstøtte' },
      additional: [{ type: 'Ydelse', name: 'Månedligt beløb', value: '1.250 kr.' }],
    },
  },
  {
    from: 'udk',
    label: 'Udbetaling af boligstøtte',
    daysAgo: 60,
    read: true,
    forward: true,
    body: {
      kind: 'text',
      lines: [
        'Udbetaling af boligstøtte',
        '',
        'Vi udbetaler 1.250 kr. til din NemKonto den 1. i måneden.',
        '',
        'Venlig hilsen',
        'Udbetaling Danmark',
      ],
    },
  },
  {
    from: 'udk',
    label: 'Ændring af folkepension – orientering',
    daysAgo: 10,
    forward: true,
    body: P('Vi orienterer dig om nye satser fra 1. januar.'),
    attachments: [
      {
        kind: 'csv',
        label: 'Satser',
        filename: 'satser-2026.csv',
        rows: [
          ['Ydelse', 'Sats (kr.)'],
          ['Grundbeløb', '7.198'],
          ['Pensionstillæg', '8.216'],
        ],
      },
    ],
  },
  {
    from: 'kk',
    label: 'Pladsanvisning – vuggestue',
    daysAgo: 90,
    read: true,
    reply: true,
    forward: true,
    body: P(
      'Dit barn er tilbudt plads i Vuggestuen Solsikken fra 1. marts.',
      'Svar på denne meddelelse, hvis du vil tage imod pladsen.',
    ),
  },
  {
    from: 'kk',
    label: 'Affaldsordning – nye tømmedage',
    daysAgo: 75,
    read: true,
    forward: true,
    body: P('Fra næste måned tømmes din restaffaldsbeholder hver anden onsdag.'),
    attachments: [{ kind: 'png', label: 'Kort over ruten', filename: 'rute.png' }],
  },
  {
    from: 'kk',
    label: 'Ejendomsskat 2026',
    daysAgo: 45,
    read: true,
    forward: true,
    folder: 'Ejendomsskat',
    body: P('Din ejendomsskat for 2026 er opkrævet via ejendomsskattebilletten.'),
    attachments: [{ kind: 'pdf', label: 'Ejendomsskattebillet', filename: 'ejendomsskattebillet.pdf', pages: 1 }],
  },
  {
    from: 'kk',
    label: 'Svar på din henvendelse om parkeringslicens',
    daysAgo: 8,
    reply: true,
    forward: true,
    body: P('Tak for din henvendelse. Din parkeringslicens er fornyet.'),
  },
  {
    from: 'regionh',
    label: 'Indkaldelse til undersøgelse',
    daysAgo: 30,
    reply: false,
    forward: true,
    body: P(
      'Du er indkaldt til undersøgelse på Hvidovre Hospital, Ambulatorium 3, tirsdag kl. 10.30.',
      'Meddelelsen kan ikke besvares. Ring til ambulatoriet, hvis tiden ikke passer.',
    ),
  },
  {
    from: 'regionh',
    label: 'Tilbud om screening',
    daysAgo: 160,
    read: true,
    forward: true,
    folder: 'Sundhed',
    body: {
      kind: 'pdf',
      pages: 2,
      paragraph: 'Du tilbydes screening. Undersøgelsen er gratis og frivillig. Læs mere i den vedlagte folder.',
    },
  },
  {
    from: 'regionh',
    label: 'Epikrise efter ambulant besøg',
    daysAgo: 140,
    read: true,
    forward: false,
    folder: 'Sundhed',
    body: P('Epikrisen er fortrolig og kan ikke videresendes fra Digital Post.'),
  },
  {
    from: 'politi',
    label: 'Bødeforelæg – hastighedsovertrædelse',
    daysAgo: 25,
    legalNotification: true,
    forward: true,
    body: P(
      'Du har kørt 62 km/t, hvor der var tilladt 50 km/t.',
      'Bøden er 1.200 kr. Betal inden 30 dage, eller meld dig skyldig.',
    ),
  },
  {
    from: 'politi',
    label: 'Dit pas udløber snart',
    daysAgo: 100,
    read: true,
    forward: true,
    body: { kind: 'text', lines: ['Dit pas udløber om 3 måneder.', 'Bestil tid i Borgerservice for at forny det.'] },
  },
  {
    from: 'byret',
    label: 'Indkaldelse som vidne',
    daysAgo: 14,
    legalNotification: true,
    reply: false,
    forward: true,
    body: {
      kind: 'pdf',
      pages: 2,
      paragraph:
        'Du indkaldes som vidne i en straffesag ved Københavns Byret. Mød op i retsbygningen på det angivne tidspunkt.',
    },
  },
  {
    from: 'atp',
    label: 'Din pensionsoversigt',
    daysAgo: 180,
    read: true,
    forward: true,
    body: P('Her er din årlige oversigt over indbetalinger til ATP Livslang Pension.'),
    attachments: [
      {
        kind: 'csv',
        label: 'Indbetalinger',
        filename: 'indbetalinger.csv',
        rows: [
          ['År', 'Indbetalt (kr.)'],
          ['2023', '3.408'],
          ['2024', '3.408'],
          ['2025', '3.564'],
        ],
      },
    ],
  },
  {
    from: 'fstyr',
    label: 'Kørekort – fornyelse',
    daysAgo: 70,
    read: true,
    forward: true,
    body: P('Dit kørekort udløber. Du kan forny det på borger.dk.'),
  },
  {
    from: 'gaeld',
    label: 'Meddelelse om modregning',
    daysAgo: 55,
    read: true,
    forward: true,
    body: P('Vi har modregnet 480 kr. i din overskydende skat.'),
  },
  {
    from: 'gaeld',
    label: 'Kunne ikke leveres: din henvendelse',
    daysAgo: 5,
    errorMessage: true,
    reply: false,
    forward: false,
    body: P('Din meddelelse kunne ikke leveres til modtageren.', 'Fejl: Ukendt modtager.'),
  },
  {
    from: 'skat',
    label: 'Kvittering for ændret forskudsopgørelse',
    daysAgo: 3,
    forward: true,
    body: P('Vi har modtaget din ændring af forskudsopgørelsen.'),
  },
  {
    from: 'udk',
    label: 'Boligstøtte – ny beregning',
    daysAgo: 2,
    reply: true,
    forward: true,
    body: P('Din boligstøtte er genberegnet på grund af ændret husstandsindkomst.'),
  },
  {
    from: 'kk',
    label: 'Valgkort',
    daysAgo: 1,
    forward: true,
    body: P('Du kan stemme ved kommunalvalget på Nørrebrohallen.'),
    caseData: {
      ...LONE_CASE_BASE,
      caseId: 'VALG-2026-55120',
      caseSystem: 'Valgkortsystemet',
      kle: { subjectKey: '00.02.00', version: '3', activityFacet: 'G01', label: 'Valg' },
      form: { taskKey: '00.02.01', version: '3', activityFacet: 'Valgkort', label: 'Kommunalvalg' },
      productionUnit: { number: 1002345678, name: 'Borgerservice' },
      additional: [{ type: 'Valgsted', name: 'Afstemningssted', value: 'Nørrebrohallen' }],
    },
  },
];

/** Titles and one-liners for generated filler letters (the rest of ~40 and config.messages extras). */
export const FILLER_SUBJECTS: readonly { from: AuthorityKey; label: string; text: string }[] = [
  { from: 'skat', label: 'Påmindelse om e-Indkomst', text: 'Se dine indkomstoplysninger på skat.dk.' },
  {
    from: 'udk',
    label: 'Udbetaling af børne- og ungeydelse',
    text: 'Vi udbetaler børne- og ungeydelse for kvartalet.',
  },
  { from: 'kk', label: 'Nyhedsbrev fra Borgerservice', text: 'Borgerservice holder lukket mellem jul og nytår.' },
  { from: 'regionh', label: 'Påmindelse om aftale', text: 'Husk din aftale i næste uge.' },
  { from: 'atp', label: 'Ændring af kontaktoplysninger', text: 'Vi har registreret dine nye kontaktoplysninger.' },
  { from: 'fstyr', label: 'Syn af køretøj', text: 'Dit køretøj skal til periodisk syn.' },
  { from: 'politi', label: 'Kvittering for anmeldelse', text: 'Vi har modtaget din anmeldelse.' },
  { from: 'gaeld', label: 'Saldo på din gæld', text: 'Din samlede gæld til det offentlige er opgjort.' },
  { from: 'digst', label: 'Nyt i Digital Post', text: 'Du kan nu oprette mapper i din postkasse.' },
  { from: 'skat', label: 'Ejendomsvurdering', text: 'Din foreløbige ejendomsvurdering er klar.' },
];
