import { describe, expect, it } from 'vitest';
import { call, setup, useComposeSandbox } from './compose.test-support';

// Browsing the contact structure (§5.3–5.4) level by level, against the sandbox's seeded hierarchy:
// Københavns Kommune → Borgerservice → Pas → "Bestil nyt pas".

useComposeSandbox();

describe('authorities.browse', () => {
  it('walks an authority from its top groups down to a contact point', async () => {
    const { h } = await setup();
    const { organisations } = await h['authorities.organisations']({}, call);
    const kk = organisations.find((o) => o.cvr === '91000039')!;
    expect(kk.authority).toBe('Københavns Kommune');
    expect(organisations.map((o) => o.authority)).toEqual(
      [...organisations.map((o) => o.authority)].sort((a, b) => a.localeCompare(b, 'da')),
    );

    const top = await h['authorities.browse']({ organisationId: kk.organisationId }, call);
    expect(top.groups.map((g) => g.name)).toEqual(['Borgerservice', 'Børn og skole', 'Teknik og miljø']);
    // Every seeded contact point of the municipality sits in a group, so none is at the top.
    expect(top.hits).toEqual([]);

    const borgerservice = top.groups.find((g) => g.name === 'Borgerservice')!;
    const level = await h['authorities.browse'](
      { organisationId: kk.organisationId, contactGroupId: borgerservice.id },
      call,
    );
    expect(level.groups.map((g) => g.name)).toEqual(['Pas']);
    // The hidden contact point of the group is not offered.
    expect(level.hits.map((p) => p.contactPointName)).toEqual(['Sundhedskort']);

    const pas = await h['authorities.browse'](
      { organisationId: kk.organisationId, contactGroupId: level.groups[0]!.id },
      call,
    );
    expect(pas.groups).toEqual([]);
    expect(pas.hits).toEqual([
      expect.objectContaining({ authority: 'Københavns Kommune', cvr: '91000039', contactPointName: 'Bestil nyt pas' }),
    ]);
  });

  it('finds authorities by name', async () => {
    const { h } = await setup();
    const { organisations } = await h['authorities.organisations']({ name: 'aarhus' }, call);
    expect(organisations.map((o) => o.authority)).toEqual(['Aarhus Kommune']);
  });
});
