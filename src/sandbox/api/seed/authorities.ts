import { CONTACT_STRUCTURE, KNOWN_AUTHORITY_CVRS } from '../registry/authorities';

// The public authorities that write to the sandbox mailboxes. Where the contact structure (registry part) lists the
// same authority, its fictitious CVR is used, so a reply and a new letter to "Skattestyrelsen" reach the same CVR;
// the others get fictitious numbers of their own. These, the contact structure's and the company's are the CVRs a
// draft may be addressed to (§6.10).
export interface Authority {
  key: string;
  cvr: string;
  name: string;
}

const SEED_AUTHORITIES = [
  { key: 'skat', cvr: '19552101', name: 'Skattestyrelsen' },
  { key: 'udk', cvr: '29361082', name: 'Udbetaling Danmark' },
  { key: 'kk', cvr: '64942213', name: 'Københavns Kommune' },
  { key: 'regionh', cvr: '29190624', name: 'Region Hovedstaden' },
  { key: 'politi', cvr: '15843435', name: 'Politiet' },
  { key: 'atp', cvr: '43405346', name: 'ATP' },
  { key: 'fstyr', cvr: '37257257', name: 'Færdselsstyrelsen' },
  { key: 'gaeld', cvr: '40433380', name: 'Gældsstyrelsen' },
  { key: 'byret', cvr: '21659559', name: 'Københavns Byret' },
  { key: 'digst', cvr: '34051718', name: 'Digitaliseringsstyrelsen' },
  { key: 'erst', cvr: '10150869', name: 'Erhvervsstyrelsen' },
] as const satisfies readonly Authority[];

export type AuthorityKey = (typeof SEED_AUTHORITIES)[number]['key'];

export const AUTHORITIES: readonly Authority[] = SEED_AUTHORITIES.map((a) => ({
  ...a,
  cvr: CONTACT_STRUCTURE.organisations.find((o) => o.name === a.name)?.cvrNumber ?? a.cvr,
}));

export const authority = (key: AuthorityKey): Authority => AUTHORITIES.find((a) => a.key === key) as Authority;

/** The company whose mailbox the employee identity opens. */
export const COMPANY = { cvr: '99887766', name: 'Testfirma ApS' } as const;

export const knownCvr = (cvr: string): { name: string } | undefined => {
  if (cvr === COMPANY.cvr) return COMPANY;
  const own = AUTHORITIES.find((a) => a.cvr === cvr);
  if (own) return own;
  return KNOWN_AUTHORITY_CVRS.has(cvr) ? CONTACT_STRUCTURE.organisations.find((o) => o.cvrNumber === cvr) : undefined;
};
