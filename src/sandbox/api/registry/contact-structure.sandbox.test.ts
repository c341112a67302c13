import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './registry-harness.test-support';
import { CONTACT_STRUCTURE, KNOWN_AUTHORITY_CVRS, findAuthorityByCvr } from './authorities';
import { matchesTerm } from './search';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const names = (body: { contactPoints?: { name: string }[]; contactGroups?: { name: string }[] }) =>
  (body.contactPoints ?? body.contactGroups ?? []).map((x) => x.name).sort();

describe('authorities', () => {
  it('has distinct fictitious 8-digit CVRs, stable across loads', () => {
    expect(KNOWN_AUTHORITY_CVRS.size).toBe(CONTACT_STRUCTURE.organisations.length);
    expect(KNOWN_AUTHORITY_CVRS.size).toBeGreaterThanOrEqual(10);
    for (const cvr of KNOWN_AUTHORITY_CVRS) expect(cvr).toMatch(/^9100\d{4}$/);
    expect(findAuthorityByCvr('91000013')?.name).toBe('Skattestyrelsen');
    expect(findAuthorityByCvr('12345678')).toBeUndefined();
  });
});

describe('search terms', () => {
  it('matches words, wildcards and quoted whole values case-insensitively', () => {
    expect(matchesTerm('Bestil nyt pas', 'pas')).toBe(true);
    expect(matchesTerm('Passager', 'pas')).toBe(false);
    expect(matchesTerm('Røntgenafdelingen, Herlev', 'røntgen*')).toBe(true);
    expect(matchesTerm('skolestart', 'sk?lestart')).toBe(true);
    expect(matchesTerm('skolestart', 'sk?start')).toBe(false);
    expect(matchesTerm('Københavns Kommune - Affald', '"Københavns Kommune"')).toBe(false);
    expect(matchesTerm('Københavns Kommune', '"københavns kommune"')).toBe(true);
  });
});

describe('contact structure over HTTP (no token)', () => {
  it('finds contact points across organisations by searchTermOrName with a wildcard', async () => {
    const res = await h.call(
      null,
      'GET',
      `/contact-points/?searchTermOrName=${encodeURIComponent('Røntgen*')}&active=true&visible=true`,
    );
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['Røntgen og scanning', 'Røntgenafdelingen, Herlev']);
    expect(res.body).toMatchObject({ currentPage: 0, totalPages: 1, elementsOnPage: 2, totalElements: 2 });
    expect(res.body.contactPoints[0].organisation).toMatchObject({ name: 'Region Hovedstaden', type: 'AUTHORITY' });
  });

  it('searches search terms only with searchTerm, within one organisation, with report links', async () => {
    const orgs = await h.call(null, 'GET', '/organisations/?cvrNumber=91000039');
    expect(orgs.body.organisations).toHaveLength(1);
    const kk = orgs.body.organisations[0];
    const res = await h.call(null, 'GET', `/organisations/${kk.id}/contact-points/?searchTerm=Folkeskole`);
    expect(names(res.body)).toEqual(['Folkeskole - indskrivning']);
    const everywhere = await h.call(null, 'GET', '/contact-points/?searchTerm=folkeskole');
    expect(names(everywhere.body)).toEqual(['Folkeskole', 'Folkeskole - indskrivning']);
    const byName = await h.call(null, 'GET', '/contact-points/?searchTerm=Parkering');
    expect(names(byName.body)).toEqual(['Parkering']);
    expect(byName.body.contactPoints[0].reportLink).toMatchObject({ externalLink: 'https://www.kk.dk/parkering' });
  });

  it('hides invisible points unless asked, and filters roots and groups', async () => {
    const all = await h.call(null, 'GET', '/contact-points/?searchTerm=intern');
    expect(all.body.totalElements).toBe(0);
    const hidden = await h.call(null, 'GET', '/contact-points/?searchTerm=intern&visibility=HIDDEN');
    expect(names(hidden.body)).toEqual(['Intern sagsbehandling']);
    const roots = await h.call(null, 'GET', '/contact-points/?isRoot=true&cvrNumber=91000013');
    expect(names(roots.body)).toEqual(['Motorregistrering']);
    const groups = await h.call(null, 'GET', '/contact-groups/?name=pas');
    expect(names(groups.body)).toEqual(['Pas']);
    expect(groups.body.contactGroups[0].parent).toMatchObject({ name: 'Borgerservice' });
    const inGroup = await h.call(null, 'GET', `/contact-points/?contactGroupId=${groups.body.contactGroups[0].id}`);
    expect(names(inGroup.body)).toEqual(['Bestil nyt pas']);
  });

  it('pages and enforces the 100-character limit', async () => {
    const total = (await h.call(null, 'GET', '/contact-points/')).body.totalElements;
    const second = await h.call(null, 'GET', '/contact-points/?page=1&size=5');
    expect(second.body).toMatchObject({
      currentPage: 1,
      elementsOnPage: 5,
      totalElements: total,
      totalPages: Math.ceil(total / 5),
    });
    const tooLong = await h.call(null, 'GET', `/contact-points/?searchTerm=${'a'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.message).toBe('IllegalArgumentException: searchTerm length of 101 exceeds limit of 100');
  });

  it('fetches single points and groups, 404 for unknown ids', async () => {
    const point = CONTACT_STRUCTURE.points[0]!;
    const res = await h.call(null, 'GET', `/organisations/${point.organisationId}/contact-points/${point.id}`);
    expect(res.body).toMatchObject({ id: point.id, name: point.name });
    expect(
      (
        await h.call(
          null,
          'GET',
          `/organisations/${point.organisationId}/contact-points/00000000-0000-4000-8000-000000000000`,
        )
      ).status,
    ).toBe(404);
  });
});
