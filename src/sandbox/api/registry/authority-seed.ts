// Pure data: the sandbox's authorities (§5.3), with their contact groups, contact points and report links. Names are
// real Danish authorities so the picker feels familiar; every CVR is fictitious (9100xxxx). authorities.ts turns
// this into the contact structure the API serves.

export interface ReportLinkSeed {
  externalLink: string;
  externalLinkText: string;
  description: string;
  label: string;
}

export interface PointSeed {
  name: string;
  description: string;
  terms: string[];
  /** Contact group names within the same authority; none = a root contact point. */
  groups?: string[];
  reportLink?: ReportLinkSeed;
  visible?: boolean;
  active?: boolean;
}

export interface GroupSeed {
  name: string;
  parent?: string;
  description?: string;
  visible?: boolean;
}

export interface AuthoritySeed {
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

export const AUTHORITY_SEED: readonly AuthoritySeed[] = [
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
