import { Router } from 'express';
import type { Identity } from '../../identity';
import type { AccessWriter } from '../registry/access-writer';
import { callerOf, openMailbox } from '../access-control';
import { dpError, forbidden } from '../errors';
import { search, queryValues } from '../search';
import type { InMemoryMailStore } from '../store';
import { etag, isCpr, isCvr, maskCpr, pathId, requireIfMatch } from '../util';
import { mailboxView } from '../views';

const SIX_MONTHS_MS = 183 * 86_400_000;

/** §6.1: mailboxes the caller may open, trustees, sender information, and the unread-status lookups. */
export const mailboxRoutes = (
  store: InMemoryMailStore,
  writeAccess: AccessWriter,
  identities: readonly Identity[] = [],
): Router => {
  const router = Router();

  router.get('/mailboxes', (req, res) => {
    const identity = callerOf(res);
    // The caller's own mailbox first, then the ones held through others' trust.
    const rank = (type: string) => (type === 'OWNER' ? 0 : type === 'EMPLOYEE' ? 1 : 2);
    const accesses = store.accessesOf(identity.id).sort((a, b) => rank(a.accessType) - rank(b.accessType));
    const views = accesses.flatMap((access) => {
      const mailbox = store.mailboxes.get(access.mailboxId);
      return mailbox ? [mailboxView(mailbox, access)] : [];
    });
    res.json(search(views, req.query, { plural: 'mailboxes', defaultSort: [] }));
  });

  // Who holds access to the caller's own mailbox.
  router.get('/mailboxes/trustees', (req, res) => {
    const identity = callerOf(res);
    const own = [...store.mailboxes.values()].find((mb) => mb.ownerIdentityId === identity.id);
    if (!own) throw forbidden('only a mailbox owner has trustees');
    const trustees = [...store.accesses.values()]
      .filter((a) => a.mailboxId === own.id && a.identityId !== identity.id)
      .map((a) => {
        const holder =
          store.mailboxes.size > 0
            ? [...store.mailboxes.values()].find((mb) => mb.ownerIdentityId === a.identityId)
            : undefined;
        return {
          id: a.id,
          version: a.version,
          accessType: a.accessType,
          mailboxId: a.mailboxId,
          name: holder?.ownerName ?? a.identityId,
          ...(holder ? { trusteeId: maskCpr(holder.ownerId), trusteeIdType: 'CPR' } : {}),
          // TRUSTEE_FIELDS (assumptions.ts): the holder's identity id, as the identity registry names the grantee.
          ...(identities.find((i) => i.id === a.identityId)
            ? { identityId: identities.find((i) => i.id === a.identityId)!.dpiid }
            : {}),
          createdDateTime: a.createdDateTime,
        };
      });
    res.json(search(trustees, req.query, { plural: 'trustees', defaultSort: [{ path: 'name', desc: false }] }));
  });

  // Unread REGULAR messages within the last six months for a CPR/CVR (GET with parameters, POST with a body).
  const unreadExists = (idType: unknown, id: unknown): boolean => {
    if (
      (idType !== 'CPR' && idType !== 'CVR') ||
      typeof id !== 'string' ||
      !(idType === 'CPR' ? isCpr(id) : isCvr(id))
    ) {
      throw dpError(400, 'IllegalArgumentException: give a valid CPR or CVR and its type', []);
    }
    const mailbox = [...store.mailboxes.values()].find(
      (mb) => mb.ownerId === id && mb.ownerType === (idType === 'CPR' ? 'CITIZEN' : 'COMPANY'),
    );
    if (!mailbox) return false;
    const since = store.now().getTime() - SIX_MONTHS_MS;
    return store
      .messagesOf(mailbox.id)
      .some(
        (m) =>
          m.messageState === 'RECEIVED' &&
          m.messageType === 'REGULAR' &&
          !m.read &&
          Date.parse(m.messageDateTime) >= since,
      );
  };
  router.get('/mailboxes/messages/unread/exists', (req, res) => {
    callerOf(res);
    const idType = queryValues(req.query, 'idType')[0] ?? (queryValues(req.query, 'cpr').length > 0 ? 'CPR' : 'CVR');
    const id = queryValues(req.query, 'id')[0] ?? queryValues(req.query, 'cpr')[0] ?? queryValues(req.query, 'cvr')[0];
    res.json(unreadExists(idType, id));
  });
  router.post('/mailboxes/messages/unread/exists', (req, res) => {
    callerOf(res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    res.json(unreadExists(body.idType ?? body.type, body.id ?? body.value));
  });

  router.get('/mailboxes/:mailboxId', (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    res.set('ETag', etag(mb.mailbox.version)).json(mailboxView(mb.mailbox, mb.access));
  });

  // §8.5.1: the mailbox carries the caller's access; PUT updates its subscriptions and introductionCompleted.
  router.put('/mailboxes/:mailboxId', (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    if (mb.access.accessType === 'EMPLOYEE') throw forbidden('an employee cannot change notification subscriptions');
    requireIfMatch(req, mb.mailbox.version, 'mailbox');
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body !== 'object' || Array.isArray(body))
      throw dpError(400, 'ValidationException: body must be a mailbox', []);
    if (body.access !== undefined && body.access !== null) writeAccess(mb.identity.id, mb.access, body.access);
    store.touch(mb.mailbox);
    res.set('ETag', etag(mb.mailbox.version)).json(mailboxView(mb.mailbox, mb.access));
  });

  // Per sender: latest message, total and unread; senders identified by CPR are left out (§6.1).
  router.get('/mailboxes/:mailboxId/sender-information', (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    const bySender = new Map<
      string,
      {
        senderId: string;
        senderIdType: string;
        label: string;
        total: number;
        unread: number;
        latest: { id: string; label?: string; messageDateTime: string };
      }
    >();
    for (const m of store.messagesOf(mb.mailbox.id)) {
      if (m.messageState !== 'RECEIVED' || !m.sender || m.sender.idType === 'CPR') continue;
      const key = m.sender.idValue;
      const entry = bySender.get(key) ?? {
        senderId: key,
        senderIdType: m.sender.idType,
        label: m.sender.label ?? key,
        total: 0,
        unread: 0,
        latest: { id: m.id, messageDateTime: '' },
      };
      entry.total += 1;
      if (!m.read) entry.unread += 1;
      if (m.messageDateTime > entry.latest.messageDateTime)
        entry.latest = {
          id: m.id,
          ...(m.label !== undefined ? { label: m.label } : {}),
          messageDateTime: m.messageDateTime,
        };
      bySender.set(key, entry);
    }
    const senders = [...bySender.values()].map((s) => ({
      senderId: s.senderId,
      senderIdType: s.senderIdType,
      label: s.label,
      total: s.total,
      unread: s.unread,
      totalMessages: s.total,
      unreadMessages: s.unread,
      latestMessage: s.latest,
    }));
    res.json(search(senders, req.query, { plural: 'senders', defaultSort: [{ path: 'label', desc: false }] }));
  });
  return router;
};
