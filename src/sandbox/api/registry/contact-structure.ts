import { Router, type Request } from 'express';
import { DpHttpError } from '../../http/dp-error';
import { pathId } from '../util';
import {
  CONTACT_STRUCTURE,
  type ContactGroupRecord,
  type ContactPointRecord,
  type OrganisationRecord,
} from './authorities';
import { notFound } from './errors';
import { booleanParam, matchesAny, page, searchValues } from './search';

// Read-only contact structure (§5.3–5.5). It is public: a citizen looks up where to write before signing in.

const VERSION = 0;
const SEED_TIME = '2024-01-02T08:00:00.000Z';

export const organisationView = (o: OrganisationRecord) => ({
  id: o.id,
  version: VERSION,
  name: o.name,
  cvrNumber: o.cvrNumber,
  type: 'AUTHORITY',
  authorityType: 'UNKNOWN',
  authorityTerms: false,
  logoAvailable: false,
  targets: [],
});

const orgById = new Map(CONTACT_STRUCTURE.organisations.map((o) => [o.id, o]));
const groupById = new Map(CONTACT_STRUCTURE.groups.map((g) => [g.id, g]));

const groupSummary = (g: ContactGroupRecord): Record<string, unknown> => {
  const parent = g.parentId ? groupById.get(g.parentId) : undefined;
  return {
    id: g.id,
    version: VERSION,
    organisationalUnit: false,
    name: g.name,
    visible: g.visible,
    description: g.description,
    organisation: organisationView(orgById.get(g.organisationId)!),
    ...(parent ? { parent: groupSummary(parent) } : {}),
    targets: [],
  };
};

export const contactGroupView = (g: ContactGroupRecord) => groupSummary(g);

export const contactPointView = (p: ContactPointRecord) => ({
  id: p.id,
  version: VERSION,
  createdDateTime: SEED_TIME,
  lastUpdated: SEED_TIME,
  name: p.name,
  description: p.description,
  organisationId: p.organisationId,
  organisation: organisationView(orgById.get(p.organisationId)!),
  targets: [],
  memoSizeThresholdMB: 95.5,
  allowedNumberOfAttachments: 10,
  active: p.active,
  visible: p.visible,
  ...(p.reportLink ? { reportLink: { version: VERSION, ...p.reportLink } } : {}),
  contactGroups: [...p.contactGroupIds],
  searchTerms: p.searchTerms.map((t) => ({ id: t.id, version: VERSION, term: t.term })),
});

/** §5.5: VISIBLE unless asked otherwise. */
const visibilityFilter = (req: Request): ((visible: boolean) => boolean) => {
  const value = req.query.visibility ?? 'VISIBLE';
  if (value === 'VISIBLE') return (v) => v;
  if (value === 'HIDDEN') return (v) => !v;
  if (value === 'ALL') return () => true;
  throw new DpHttpError(400, 'IllegalArgumentException: visibility must be VISIBLE, HIDDEN or ALL');
};

const organisationOf = (req: Request): OrganisationRecord => {
  const id = pathId(req, 'organisationId');
  const org = orgById.get(id);
  if (!org) throw notFound('organisation', id);
  return org;
};

const searchPoints = (req: Request, organisationId?: string) => {
  const ids = searchValues(req, 'id');
  const names = searchValues(req, 'name');
  const terms = searchValues(req, 'searchTerm');
  const termsOrName = searchValues(req, 'searchTermOrName');
  const groupIds = searchValues(req, 'contactGroupId');
  const cvrs = searchValues(req, 'cvrNumber');
  const isRoot = booleanParam(req, 'isRoot');
  const active = booleanParam(req, 'active');
  const visible = booleanParam(req, 'visible');
  const visibility = visibilityFilter(req);
  const hits = CONTACT_STRUCTURE.points.filter((p) => {
    const termValues = p.searchTerms.map((t) => t.term);
    return (
      (organisationId === undefined || p.organisationId === organisationId) &&
      (ids === undefined || ids.includes(p.id)) &&
      (cvrs === undefined || cvrs.includes(orgById.get(p.organisationId)!.cvrNumber)) &&
      matchesAny([p.name], names) &&
      matchesAny(termValues, terms) &&
      matchesAny([...termValues, p.name], termsOrName) &&
      (groupIds === undefined || p.contactGroupIds.some((g) => groupIds.includes(g))) &&
      (isRoot === undefined || isRoot === (p.contactGroupIds.length === 0)) &&
      (active === undefined || active === p.active) &&
      (visible === undefined || visible === p.visible) &&
      visibility(p.visible)
    );
  });
  return page(req, 'contactPoints', hits.map(contactPointView));
};

const searchGroups = (req: Request, organisationId?: string) => {
  const ids = searchValues(req, 'id');
  const names = searchValues(req, 'name');
  const visibility = visibilityFilter(req);
  const hits = CONTACT_STRUCTURE.groups.filter(
    (g) =>
      (organisationId === undefined || g.organisationId === organisationId) &&
      (ids === undefined || ids.includes(g.id)) &&
      matchesAny([g.name], names) &&
      visibility(g.visible),
  );
  return page(req, 'contactGroups', hits.map(contactGroupView));
};

export const createContactStructureRoutes = (): Router => {
  const router = Router();

  router.get('/organisations', (req, res) => {
    const ids = searchValues(req, 'id');
    const names = searchValues(req, 'name');
    const cvrs = searchValues(req, 'cvrNumber');
    const types = searchValues(req, 'type');
    const hits = CONTACT_STRUCTURE.organisations.filter(
      (o) =>
        (ids === undefined || ids.includes(o.id)) &&
        (cvrs === undefined || cvrs.includes(o.cvrNumber)) &&
        (types === undefined || types.includes('AUTHORITY')) &&
        matchesAny([o.name], names),
    );
    res.json(page(req, 'organisations', hits.map(organisationView)));
  });
  router.get('/organisations/:organisationId', (req, res) => {
    res.json(organisationView(organisationOf(req)));
  });

  router.get('/contact-points', (req, res) => {
    res.json(searchPoints(req));
  });
  router.get('/organisations/:organisationId/contact-points', (req, res) => {
    res.json(searchPoints(req, organisationOf(req).id));
  });
  router.get('/organisations/:organisationId/contact-points/:contactPointId', (req, res) => {
    const org = organisationOf(req);
    const id = pathId(req, 'contactPointId');
    const point = CONTACT_STRUCTURE.points.find((p) => p.id === id && p.organisationId === org.id);
    if (!point) throw notFound('contactPoint', id);
    res.json(contactPointView(point));
  });

  router.get('/contact-groups', (req, res) => {
    res.json(searchGroups(req));
  });
  router.get('/organisations/:organisationId/contact-groups', (req, res) => {
    res.json(searchGroups(req, organisationOf(req).id));
  });
  router.get('/organisations/:organisationId/contact-groups/:contactGroupId', (req, res) => {
    const org = organisationOf(req);
    const id = pathId(req, 'contactGroupId');
    const group = groupById.get(id);
    if (!group || group.organisationId !== org.id) throw notFound('contactGroup', id);
    res.json(contactGroupView(group));
  });

  return router;
};
