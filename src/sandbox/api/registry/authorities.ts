// The sandbox's contact structure (§5.3): the authorities a citizen can write to (authority-seed.ts), their contact
// groups and contact points. This is the single source of authority CVRs: the mailbox seed (../seed/authorities.ts)
// takes its senders' CVRs from here by name, so a reply and a new letter to the same authority reach the same CVR.
// Ids are derived from names, so they survive resets and restarts.
import { AUTHORITY_SEED, type ReportLinkSeed } from './authority-seed';
import { stableUuid } from './ids';

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
  for (const authority of AUTHORITY_SEED) {
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
