import { z } from 'zod';
import type { ContactPointHit } from '../../../shared/ipc/channels/compose';
import type { Handlers } from '../../ipc/dispatch';
import type { ComposeContext } from './context';
import {
  contactPointsPath,
  organisationContactGroupsPath,
  organisationContactPointsPath,
  organisationPath,
  organisationsPath,
} from '../../services/dp-client/api-paths';

// "Write to an authority" (§6.13.9): find the recipient in the contact structure (§5.3–5.4).

const OrganisationSchema = z.looseObject({ id: z.string(), name: z.string(), cvrNumber: z.string() });
const ReportLinkSchema = z.looseObject({
  externalLink: z.string().optional(),
  externalLinkText: z.string().optional(),
  description: z.string().optional(),
  label: z.string().optional(),
});
const ContactPointSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  organisationId: z.string().optional(),
  organisation: OrganisationSchema.optional(),
  reportLink: ReportLinkSchema.nullish(),
});
/** A contact group (§5.4): its parent is printed as the whole parent group, of which only the id matters here. */
const ContactGroupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  visible: z.boolean().optional(),
  parent: z.looseObject({ id: z.string() }).nullish(),
});

/** A search result page (§3.3.3): items that do not parse are left out rather than failing the search. */
const pageOf = <T extends z.ZodType>(
  plural: string,
  item: T,
  data: unknown,
): { total: number | undefined; items: z.infer<T>[] } => {
  const body = (data ?? {}) as Record<string, unknown>;
  const raw = Array.isArray(body[plural]) ? (body[plural] as unknown[]) : [];
  return {
    total: typeof body.totalElements === 'number' ? body.totalElements : undefined,
    items: raw.flatMap((x) => {
      const parsed = item.safeParse(x);
      return parsed.success ? [parsed.data as z.infer<T>] : [];
    }),
  };
};

/** Only web links leave as report links; the renderer opens them after asking. */
const webUrl = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
};

const hitOf = (
  p: z.infer<typeof ContactPointSchema>,
  org: z.infer<typeof OrganisationSchema> | undefined,
): ContactPointHit | undefined => {
  const o = p.organisation ?? org;
  if (!o) return undefined;
  const url = webUrl(p.reportLink?.externalLink);
  const text = p.reportLink?.label ?? p.reportLink?.externalLinkText;
  return {
    organisationId: o.id,
    authority: o.name,
    cvr: o.cvrNumber,
    contactPointId: p.id,
    contactPointName: p.name,
    ...(p.description ? { description: p.description } : {}),
    ...(url
      ? {
          reportLink: {
            url,
            ...(text ? { text } : {}),
            ...(p.reportLink?.description ? { description: p.reportLink.description } : {}),
          },
        }
      : {}),
  };
};

/**
 * One search value for `searchTermOrName`: commas would split it into several (§3.3), and a trailing `*` makes a
 * partly typed word match (§3.3 wildcards), unless the user quoted the value or placed wildcards already.
 */
export const searchValue = (query: string): string => {
  const q = query.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^(["']).*\1$/.test(q) || /[*?]/.test(q)) return q;
  return `${q}*`;
};

/** Browsing asks for whole levels; the structure of one authority is small (the sandbox's has a dozen groups). */
const BROWSE_PAGE = { page: 0, size: 500 };

type AuthorityChannels = 'authorities.search' | 'authorities.organisations' | 'authorities.browse';

export const createAuthorityHandlers = (ctx: ComposeContext): Pick<Handlers, AuthorityChannels> => ({
  'authorities.organisations': async ({ name }) => {
    const trimmed = name?.trim();
    const orgs = pageOf(
      'organisations',
      OrganisationSchema,
      (
        await ctx.api.get<unknown>(organisationsPath(), {
          query: { ...BROWSE_PAGE, ...(trimmed ? { name: searchValue(trimmed) } : {}) },
        })
      ).data,
    );
    return {
      organisations: orgs.items
        .map((o) => ({ organisationId: o.id, authority: o.name, cvr: o.cvrNumber }))
        .sort((a, b) => a.authority.localeCompare(b.authority, 'da')),
    };
  },

  // Groups come as one list with their parents (§5.4); one level is those whose parent is the group asked for.
  // Contact points name their groups by id: in a group, those listing it; at the top, those in none (isRoot).
  'authorities.browse': async ({ organisationId, contactGroupId }) => {
    const [orgRes, groupsRes, pointsRes] = await Promise.all([
      ctx.api.get<unknown>(organisationPath(organisationId)),
      ctx.api.get<unknown>(organisationContactGroupsPath(organisationId), { query: BROWSE_PAGE }),
      ctx.api.get<unknown>(organisationContactPointsPath(organisationId), {
        query: {
          ...BROWSE_PAGE,
          active: true,
          ...(contactGroupId ? { contactGroupId } : { isRoot: true }),
        },
      }),
    ]);
    const groups = pageOf('contactGroups', ContactGroupSchema, groupsRes.data)
      .items.filter((g) => g.visible !== false && (g.parent?.id ?? undefined) === contactGroupId)
      .map((g) => ({ id: g.id, name: g.name, ...(g.description ? { description: g.description } : {}) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'da'));
    // A contact point need not carry its organisation (§5.3 prints it on some answers only): the one asked about is it.
    const org = OrganisationSchema.safeParse(orgRes.data);
    const hits = pageOf('contactPoints', ContactPointSchema, pointsRes.data).items.flatMap(
      (p) => hitOf(p, org.success ? org.data : undefined) ?? [],
    );
    return { groups, hits };
  },

  'authorities.search': async ({ query, page, size }) => {
    const paging = { page: page ?? 0, size: size ?? 25 };
    const trimmed = query.trim();
    if (/^\d{8}$/.test(trimmed)) {
      // A CVR typed directly: that authority's contact points, or the authority alone when it has none.
      const orgs = pageOf(
        'organisations',
        OrganisationSchema,
        (await ctx.api.get<unknown>(organisationsPath(), { query: { cvrNumber: trimmed } })).data,
      );
      const org = orgs.items[0];
      if (!org) return { hits: [], totalElements: 0 };
      const points = pageOf(
        'contactPoints',
        ContactPointSchema,
        (await ctx.api.get<unknown>(organisationContactPointsPath(org.id), { query: { ...paging, active: true } }))
          .data,
      );
      const hits = points.items.flatMap((p) => hitOf(p, org) ?? []);
      if (hits.length === 0)
        return { hits: [{ organisationId: org.id, authority: org.name, cvr: org.cvrNumber }], totalElements: 1 };
      return { hits, totalElements: points.total ?? hits.length };
    }
    const res = await ctx.api.get<unknown>(contactPointsPath(), {
      query: { searchTermOrName: searchValue(trimmed), active: true, ...paging },
    });
    const points = pageOf('contactPoints', ContactPointSchema, res.data);
    const hits = points.items.flatMap((p) => hitOf(p, undefined) ?? []);
    return { hits, totalElements: points.total ?? hits.length };
  },
});
