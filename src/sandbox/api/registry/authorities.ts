import { stableUuid } from './ids';

// The sandbox's contact structure (§5.3): authorities a citizen can write to, their contact groups and contact
// points. Names are real Danish authorities so the picker feels familiar; every CVR is fictitious (9100xxxx). This
// is the single source of authority CVRs: the mailbox seed (../seed/authorities.ts) takes its senders' CVRs from
// here by name, so a reply and a new letter to the same authority reach the same CVR. Ids are derived from names,
// so they survive resets and restarts.

export interface ReportLinkSeed {
  externalLink: string;
  externalLinkText: string;
  description: string;
  label: string;
}

interface PointSeed {
  name: string;
  description: string;
  terms: string[];
  /** Contact group names within the same authority; none = a root contact point. */
  groups?: string[];
  reportLink?: ReportLinkSeed;
  visible?: boolean;
  active?: boolean;
}

interface GroupSeed {
  name: string;
  parent?: string;
  description?: string;
  visible?: boolean;
}

interface AuthoritySeed {
  name: string;
  cvrNumber: string;
  groups: GroupSeed[];
  points: PointSeed[];
}

const link = (externalLink: string, label: string, description: string): ReportLinkSeed => ({
  externalLink,
  externalLinkText: label,
  description,
  label,
});

const SEED: AuthoritySeed[] = [
  {
    name: 'Skattestyrelsen',
    cvrNumber: '91000013',
    groups: [{ name: 'Personskat' }, { name: 'Gæld til det offentlige' }],
    points: [
      {
        name: 'Forskudsopgørelse',
        description: 'Spørgsmål om din forskudsopgørelse og dit skattekort.',
        terms: ['forskudsopgørelse', 'skattekort', 'fradrag'],
        groups: ['Personskat'],
        reportLink: link(
          'https://www.skat.dk/borger/forskudsopgoerelse',
          'Ret din forskudsopgørelse i TastSelv',
          'De fleste ændringer kan du selv lave i TastSelv.',
        ),
      },
      {
        name: 'Årsopgørelse',
        description: 'Spørgsmål om din årsopgørelse, restskat eller overskydende skat.',
        terms: ['årsopgørelse', 'restskat', 'overskydende skat'],
        groups: ['Personskat'],
      },
      {
        name: 'Inddrivelse af gæld',
        description: 'Gæld til det offentlige, afdragsordninger og lønindeholdelse.',
        terms: ['gæld', 'inddrivelse', 'lønindeholdelse', 'afdrag'],
        groups: ['Gæld til det offentlige'],
      },
      {
        name: 'Motorregistrering',
        description: 'Registrering af køretøjer og nummerplader.',
        terms: ['bil', 'nummerplade', 'registreringsafgift'],
        reportLink: link(
          'https://motorst.dk/selvbetjening',
          'Brug selvbetjeningen',
          'Registrering af køretøjer sker i selvbetjeningen.',
        ),
      },
    ],
  },
  {
    name: 'Udbetaling Danmark',
    cvrNumber: '91000021',
    groups: [{ name: 'Pension' }, { name: 'Familie' }],
    points: [
      {
        name: 'Folkepension',
        description: 'Folkepension og førtidspension.',
        terms: ['pension', 'folkepension', 'førtidspension'],
        groups: ['Pension'],
      },
      {
        name: 'Boligstøtte',
        description: 'Boligstøtte til lejere og pensionister.',
        terms: ['boligstøtte', 'husleje', 'boligydelse'],
        reportLink: link(
          'https://www.borger.dk/boligstoette',
          'Ansøg om boligstøtte på borger.dk',
          'Ansøgning og ændringer skal ske via selvbetjeningen.',
        ),
      },
      {
        name: 'Børne- og ungeydelse',
        description: 'Børnecheck og børnetilskud.',
        terms: ['børnecheck', 'børneydelse', 'børnetilskud'],
        groups: ['Familie'],
      },
      {
        name: 'Barselsdagpenge',
        description: 'Barsel og barselsdagpenge.',
        terms: ['barsel', 'dagpenge', 'orlov'],
        groups: ['Familie'],
      },
    ],
  },
  {
    name: 'Københavns Kommune',
    cvrNumber: '91000039',
    groups: [
      { name: 'Borgerservice' },
      { name: 'Pas', parent: 'Borgerservice' },
      { name: 'Børn og skole' },
      { name: 'Teknik og miljø' },
    ],
    points: [
      { name: 'Bestil nyt pas', description: 'Pas til voksne og børn.', terms: ['pas', 'rejse'], groups: ['Pas'] },
      {
        name: 'Sundhedskort',
        description: 'Det gule sundhedskort og lægevalg.',
        terms: ['sundhedskort', 'læge', 'lægeskift'],
        groups: ['Borgerservice'],
      },
      {
        name: 'Folkeskole - indskrivning',
        description: 'Indskrivning i folkeskole og skoleskift.',
        terms: ['Folkeskole', 'skolestart', 'skoleskift'],
        groups: ['Børn og skole'],
      },
      {
        name: 'Affald og genbrug',
        description: 'Storskrald, affaldsordninger og genbrugspladser.',
        terms: ['affald', 'storskrald', 'genbrug'],
        groups: ['Teknik og miljø'],
      },
      {
        name: 'Parkering',
        description: 'Beboerlicenser og parkeringsafgifter.',
        terms: ['parkering', 'beboerlicens', 'p-afgift'],
        groups: ['Teknik og miljø'],
        reportLink: link(
          'https://www.kk.dk/parkering',
          'Køb beboerlicens online',
          'Beboerlicens købes i selvbetjeningen.',
        ),
      },
      {
        name: 'Intern sagsbehandling',
        description: 'Kun til henvisninger.',
        terms: ['intern'],
        groups: ['Borgerservice'],
        visible: false,
      },
    ],
  },
  {
    name: 'Aarhus Kommune',
    cvrNumber: '91000047',
    groups: [{ name: 'Borgerservice' }, { name: 'Beskæftigelse' }, { name: 'Sundhed og omsorg' }],
    points: [
      {
        name: 'Borgerservice Aarhus',
        description: 'Pas, kørekort og sundhedskort.',
        terms: ['pas', 'kørekort', 'sundhedskort'],
        groups: ['Borgerservice'],
      },
      {
        name: 'Folkeskole',
        description: 'Skoleindskrivning og specialundervisning.',
        terms: ['Folkeskole', 'skole', 'SFO'],
      },
      {
        name: 'Jobcenter Aarhus',
        description: 'Kontanthjælp, sygedagpenge og jobsøgning.',
        terms: ['jobcenter', 'kontanthjælp', 'sygedagpenge'],
        groups: ['Beskæftigelse'],
      },
      {
        name: 'Hjemmepleje',
        description: 'Hjemmehjælp og plejebolig.',
        terms: ['hjemmehjælp', 'ældre', 'plejebolig'],
        groups: ['Sundhed og omsorg'],
      },
    ],
  },
  {
    name: 'Region Hovedstaden',
    cvrNumber: '91000055',
    groups: [{ name: 'Hospitaler' }, { name: 'Patientrettigheder' }],
    points: [
      {
        name: 'Røntgen og scanning',
        description: 'Tider til røntgen, CT og MR.',
        terms: ['Røntgen', 'scanning', 'MR-scanning'],
        groups: ['Hospitaler'],
      },
      {
        name: 'Røntgenafdelingen, Herlev',
        description: 'Billeddiagnostisk afdeling på Herlev Hospital.',
        terms: ['Røntgenafdeling', 'Herlev'],
        groups: ['Hospitaler'],
      },
      {
        name: 'Patientkontoret',
        description: 'Frit sygehusvalg og ventetider.',
        terms: ['patientvejledning', 'ventetid', 'sygehusvalg'],
        groups: ['Patientrettigheder'],
      },
      {
        name: 'Befordring',
        description: 'Kørsel til og fra hospitalet.',
        terms: ['kørsel', 'befordringsgodtgørelse'],
        active: false,
      },
    ],
  },
  {
    name: 'Politiet',
    cvrNumber: '91000063',
    groups: [{ name: 'Tilladelser' }],
    points: [
      {
        name: 'Kørekort',
        description: 'Udstedelse og fornyelse af kørekort.',
        terms: ['kørekort', 'fornyelse'],
        groups: ['Tilladelser'],
      },
      {
        name: 'Våbentilladelse',
        description: 'Jagt- og våbentilladelser.',
        terms: ['våben', 'jagt'],
        groups: ['Tilladelser'],
      },
      {
        name: 'Anmeldelse af forbrydelse',
        description: 'Anmeld tyveri, indbrud og hærværk.',
        terms: ['anmeldelse', 'tyveri', 'indbrud'],
        reportLink: link(
          'https://politi.dk/anmeld',
          'Anmeld på politi.dk',
          'Anmeldelser skal ske via politiets selvbetjening, ikke Digital Post.',
        ),
      },
    ],
  },
  {
    name: 'Styrelsen for Arbejdsmarked og Rekruttering',
    cvrNumber: '91000071',
    groups: [{ name: 'Ydelser' }],
    points: [
      {
        name: 'Arbejdsmarkedsydelse',
        description: 'Spørgsmål om ydelser og refusion.',
        terms: ['ydelse', 'refusion'],
        groups: ['Ydelser'],
      },
      { name: 'Jobnet', description: 'Hjælp til Jobnet og CV.', terms: ['jobnet', 'cv', 'jobsøgning'] },
    ],
  },
  {
    name: 'Familieretshuset',
    cvrNumber: '91000089',
    groups: [{ name: 'Børn' }, { name: 'Par' }],
    points: [
      {
        name: 'Skilsmisse og separation',
        description: 'Ansøgning om skilsmisse eller separation.',
        terms: ['skilsmisse', 'separation'],
        groups: ['Par'],
        reportLink: link(
          'https://familieretshuset.dk/ansoeg',
          'Søg om skilsmisse',
          'Ansøgningen skal indsendes digitalt via Familieportalen.',
        ),
      },
      {
        name: 'Børnebidrag',
        description: 'Fastsættelse af børnebidrag.',
        terms: ['børnebidrag', 'bidrag'],
        groups: ['Børn'],
      },
      {
        name: 'Samvær',
        description: 'Samvær og forældremyndighed.',
        terms: ['samvær', 'forældremyndighed'],
        groups: ['Børn'],
      },
    ],
  },
  {
    name: 'Ankestyrelsen',
    cvrNumber: '91000097',
    groups: [{ name: 'Klager' }],
    points: [
      {
        name: 'Klage over afgørelse',
        description: 'Klager over kommunale afgørelser.',
        terms: ['klage', 'afgørelse', 'anke'],
        groups: ['Klager'],
      },
      { name: 'Adoption', description: 'Godkendelse af adoptanter.', terms: ['adoption'] },
    ],
  },
  {
    name: 'Sundhedsstyrelsen',
    cvrNumber: '91000101',
    groups: [{ name: 'Autorisation' }],
    points: [
      {
        name: 'Autorisation af sundhedspersoner',
        description: 'Autorisation og registrering.',
        terms: ['autorisation', 'sundhedsperson'],
        groups: ['Autorisation'],
      },
      { name: 'Vaccination', description: 'Spørgsmål om vaccinationsprogrammer.', terms: ['vaccination', 'vaccine'] },
    ],
  },
  ...(
    [
      ['ATP', '91000119', ['atp', 'livsvarig pension', 'feriepenge']],
      ['Færdselsstyrelsen', '91000127', ['kørekort', 'køreprøve', 'syn']],
      ['Gældsstyrelsen', '91000135', ['gæld', 'inddrivelse', 'betalingsordning']],
      ['Københavns Byret', '91000143', ['retsmøde', 'skifteret', 'fogedret']],
      ['Digitaliseringsstyrelsen', '91000151', ['MitID', 'Digital Post', 'fritagelse']],
      ['Erhvervsstyrelsen', '91000169', ['virksomhed', 'CVR', 'årsrapport']],
    ] as const
  ).map(([name, cvrNumber, terms]): AuthoritySeed => ({
    name,
    cvrNumber,
    groups: [],
    points: [{ name: `${name} - generelle henvendelser`, description: `Skriv til ${name}.`, terms: [...terms] }],
  })),
];

export interface OrganisationRecord {
  id: string;
  name: string;
  cvrNumber: string;
}

export interface ContactGroupRecord {
  id: string;
  organisationId: string;
  name: string;
  description: string;
  parentId: string | null;
  visible: boolean;
}

export interface ContactPointRecord {
  id: string;
  organisationId: string;
  name: string;
  description: string;
  searchTerms: { id: string; term: string }[];
  contactGroupIds: string[];
  reportLink: (ReportLinkSeed & { id: string }) | null;
  visible: boolean;
  active: boolean;
}

export interface ContactStructure {
  organisations: readonly OrganisationRecord[];
  groups: readonly ContactGroupRecord[];
  points: readonly ContactPointRecord[];
}

const build = (): ContactStructure => {
  const organisations: OrganisationRecord[] = [];
  const groups: ContactGroupRecord[] = [];
  const points: ContactPointRecord[] = [];
  for (const authority of SEED) {
    const orgId = stableUuid(`organisation:${authority.cvrNumber}`);
    organisations.push({ id: orgId, name: authority.name, cvrNumber: authority.cvrNumber });
    const groupId = (name: string) => stableUuid(`contact-group:${authority.cvrNumber}:${name}`);
    for (const g of authority.groups) {
      groups.push({
        id: groupId(g.name),
        organisationId: orgId,
        name: g.name,
        description: g.description ?? '',
        parentId: g.parent ? groupId(g.parent) : null,
        visible: g.visible ?? true,
      });
    }
    for (const p of authority.points) {
      const pointId = stableUuid(`contact-point:${authority.cvrNumber}:${p.name}`);
      points.push({
        id: pointId,
        organisationId: orgId,
        name: p.name,
        description: p.description,
        searchTerms: p.terms.map((term) => ({ id: stableUuid(`search-term:${pointId}:${term}`), term })),
        contactGroupIds: (p.groups ?? []).map(groupId),
        reportLink: p.reportLink ? { id: stableUuid(`report-link:${pointId}`), ...p.reportLink } : null,
        visible: p.visible ?? true,
        active: p.active ?? true,
      });
    }
  }
  return { organisations, groups, points };
};

export const CONTACT_STRUCTURE: ContactStructure = build();

/** CVR numbers of the authorities in the sandbox: a CVR recipient must be one of these. */
export const KNOWN_AUTHORITY_CVRS: ReadonlySet<string> = new Set(
  CONTACT_STRUCTURE.organisations.map((o) => o.cvrNumber),
);

export const findAuthorityByCvr = (cvr: string): OrganisationRecord | undefined =>
  CONTACT_STRUCTURE.organisations.find((o) => o.cvrNumber === cvr);

export const findContactPoint = (id: string): ContactPointRecord | undefined =>
  CONTACT_STRUCTURE.points.find((p) => p.id === id);
