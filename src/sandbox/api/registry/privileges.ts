import { Router } from 'express';
import type { Identity } from '../../identity';
import { PRIVILEGE_OF_ACCESS_TYPE } from '../../../shared/dp/assumptions';
import type { AccessRecord, RegistryContext } from '../context';
import type { EventLog } from '../events/event-log';
import { queryValues } from '../search';
import { maskCpr, pathId } from '../util';
import { forbidden, notFound } from './errors';

// The identity registry's view of who may act for whom (§9): every access one citizen holds to another citizen's
// mailbox is a direct privilege (issuer and scope the owner, grantee the holder) in an identity group owned by the
// grantee (§9.11). Accesses stay the one source of truth; this module only shows and revokes them as privileges.

const PRIVILEGE_TYPES = PRIVILEGE_OF_ACCESS_TYPE.values as Record<string, string>;

export interface DirectPrivilege {
  id: string;
  version: number;
  access: AccessRecord;
  granteeId: string;
  issuerId: string;
  scopeId: string;
  type: string;
}

export const createPrivileges = (ctx: RegistryContext, events: EventLog) => {
  const groupIds = new Map<string, string>();
  const byId = (id: string): Identity | undefined => ctx.identities.find((i) => i.id === id);
  const groupIdOf = (granteeDpiid: string): string => {
    let id = groupIds.get(granteeDpiid);
    if (!id) {
      id = ctx.store.newId();
      groupIds.set(granteeDpiid, id);
    }
    return id;
  };

  /** Every access to a citizen's mailbox that stands for a privilege (not OWNER, not an employee's). */
  const all = (): DirectPrivilege[] =>
    [...ctx.store.accesses.values()].flatMap((access) => {
      const type = PRIVILEGE_TYPES[access.accessType];
      const mailbox = ctx.store.mailboxes.get(access.mailboxId);
      const owner = mailbox?.ownerIdentityId ? byId(mailbox.ownerIdentityId) : undefined;
      const grantee = byId(access.identityId);
      if (!type || !owner || !grantee) return [];
      return [
        {
          id: access.id,
          version: access.version,
          access,
          granteeId: grantee.dpiid,
          issuerId: owner.dpiid,
          scopeId: owner.dpiid,
          type,
        },
      ];
    });

  const privilegeView = (p: DirectPrivilege) => ({
    id: p.id,
    version: p.version,
    identityGroupId: groupIdOf(p.granteeId),
    issuerId: p.issuerId,
    scopeId: p.scopeId,
    type: p.type,
    source: 'SELF_SERVICE',
    createdDate: p.access.createdDateTime,
    lastUpdated: p.access.lastUpdated,
  });

  const directView = (p: DirectPrivilege) => ({ ...privilegeView(p), granteeId: p.granteeId });

  /** §9.13.1: the grantee's group, holding the privileges the caller may see. */
  const groupView = (granteeDpiid: string, privileges: DirectPrivilege[]) => {
    const id = groupIdOf(granteeDpiid);
    const first = privileges[0];
    const created = first?.access.createdDateTime ?? ctx.now().toISOString();
    return {
      id,
      version: 0,
      name: `DELEGATED_PRIVILEGE_${granteeDpiid}`,
      transactionId: id.replace(/-/g, '').slice(0, 32),
      createdDate: created,
      lastUpdated: created,
      issuerId: first?.issuerId ?? granteeDpiid,
      ownerId: granteeDpiid,
      grantees: [
        {
          id: `${id.slice(0, 24)}${granteeDpiid.slice(-12)}`,
          version: 0,
          identityGroupId: id,
          identityId: granteeDpiid,
          issuerId: first?.issuerId ?? granteeDpiid,
          createdDate: created,
          lastUpdated: created,
        },
      ],
      privileges: privileges.map(privilegeView),
      type: 'DEFAULT',
    };
  };

  /** Removes the access behind a privilege and logs it on the mailbox it opened. */
  const revoke = (p: DirectPrivilege, by: Identity): void => {
    ctx.store.accesses.delete(p.access.id);
    const mailbox = ctx.store.mailboxes.get(p.access.mailboxId);
    events.append({
      kind: 'accessDeleted',
      owner: mailbox ? maskCpr(mailbox.ownerId) : p.scopeId,
      ownerIdentityId: p.scopeId,
      actor: maskCpr(by.cpr),
      actorIdentityId: by.dpiid,
      mailboxId: p.access.mailboxId,
      eventProperties: { granteeId: p.granteeId, identityGroupType: 'DEFAULT' },
      visibleTo: [p.access.identityId],
    });
  };

  const router = Router();

  // §9.13.2: search by owner, issuer, grantee or scope (comma lists); a citizen sees power of attorney both ways.
  router.get(['/identity-groups', '/identity-groups/'], (_req, res) => {
    const req = _req;
    const me = res.locals.identity as Identity;
    const visible = all().filter((p) => p.granteeId === me.dpiid || p.scopeId === me.dpiid);
    const wanted = (name: string, value: string) => {
      const values = queryValues(req.query, name);
      return values.length === 0 || values.includes(value);
    };
    const matching = visible.filter(
      (p) =>
        wanted('owner', p.granteeId) &&
        wanted('grantee', p.granteeId) &&
        wanted('issuer', p.issuerId) &&
        wanted('scope', p.scopeId),
    );
    const byGrantee = new Map<string, DirectPrivilege[]>();
    for (const p of matching) byGrantee.set(p.granteeId, [...(byGrantee.get(p.granteeId) ?? []), p]);
    const groups = [...byGrantee].map(([grantee, privileges]) => groupView(grantee, privileges));
    res.json({
      currentPage: 0,
      totalPages: groups.length > 0 ? 1 : 0,
      elementsOnPage: groups.length,
      totalElements: groups.length,
      identityGroups: groups,
    });
  });

  const visiblePrivilege = (id: string, me: Identity): DirectPrivilege => {
    const p = all().find((x) => x.id === id);
    if (!p) throw notFound('directPrivilege', id);
    if (p.granteeId !== me.dpiid && p.scopeId !== me.dpiid) throw forbidden();
    return p;
  };

  router.get('/privileges/direct/:id', (req, res) => {
    res.json(directView(visiblePrivilege(pathId(req, 'id'), res.locals.identity as Identity)));
  });

  // §9.2 "Revoke a Direct Privilege": the one who gave it (issuer) or the one who holds it.
  router.delete('/privileges/direct/:id', (req, res) => {
    const me = res.locals.identity as Identity;
    revoke(visiblePrivilege(pathId(req, 'id'), me), me);
    res.status(204).end();
  });

  return { router, all, revoke, reset: () => groupIds.clear() };
};
