import { Router, type Request } from 'express';
import { findMessage, openMailbox, requireWrite } from '../access-control';
import { parseBody } from '../body';
import { dpError } from '../errors';
import {
  createDraft,
  createReply,
  deleteMessage,
  DraftCreateSchema,
  ForwardSchema,
  forwardMessage,
  MessageUpdateSchema,
  sendDraft,
  updateMessage,
} from '../message-ops';
import { queryValues, search } from '../search';
import type { InMemoryMailStore } from '../store';
import { etag, isUuid, pathId, requireIfMatch } from '../util';
import { messageView } from '../views';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dateParam = (req: Request, name: string): string | undefined => {
  const value = queryValues(req.query, name)[0];
  if (value === undefined) return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw dpError(400, `IllegalArgumentException: ${name} must be a date in the format yyyy-MM-dd`, []);
  }
  return value;
};

/** §6.3 and §6.8: messages of a mailbox. */
export const messageRoutes = (store: InMemoryMailStore): Router => {
  const router = Router();
  const base = '/mailboxes/:mailboxId/messages';

  router.get(base, (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    const folderIds = queryValues(req.query, 'folderId');
    for (const id of folderIds)
      if (!isUuid(id))
        throw dpError(400, `IllegalArgumentException: folderId ${String(id).slice(0, 50)} is not a UUID`, []);
    const folders = new Set(folderIds.map((id) => id.toLowerCase()));
    const from = dateParam(req, 'dateFrom');
    const to = dateParam(req, 'dateTo');
    const views = store.queryableMessages(mb.mailbox.id).filter((m) => {
      if (folders.size > 0 && !folders.has(m.folderId)) return false;
      const day = (m.messageDateTime ?? m.createdDateTime).slice(0, 10);
      return (from === undefined || day >= from) && (to === undefined || day <= to);
    });
    res.json(
      search(views, req.query, {
        plural: 'messages',
        defaultSort: [{ path: 'messageDateTime', desc: true }],
        reserved: ['folderId', 'dateFrom', 'dateTo'],
      }),
    );
  });

  router.post(base, (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    requireWrite(mb);
    const message = createDraft(store, mb, parseBody(DraftCreateSchema, req.body, 'message'));
    res.status(201).set('ETag', etag(message.version)).json(messageView(message));
  });

  router.get(`${base}/:messageId`, (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    const message = findMessage(store, mb, pathId(req, 'messageId'));
    res.set('ETag', etag(message.version)).json(messageView(message));
  });

  const update = (mode: 'put' | 'patch') => (req: Request, res: import('express').Response) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    const message = findMessage(store, mb, pathId(req, 'messageId'));
    requireIfMatch(req, message.version, 'message');
    const input = parseBody(MessageUpdateSchema, req.body, 'message');
    const updated = updateMessage(store, mb, message, input, mode);
    res.set('ETag', etag(updated.version)).json(messageView(updated));
  };
  router.put(`${base}/:messageId`, update('put'));
  router.patch(`${base}/:messageId`, update('patch'));

  router.delete(`${base}/:messageId`, (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    const message = findMessage(store, mb, pathId(req, 'messageId'));
    requireIfMatch(req, message.version, 'message');
    deleteMessage(store, mb, message);
    res.status(204).end();
  });

  router.post(`${base}/:messageId/reply`, (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    requireWrite(mb);
    const original = findMessage(store, mb, pathId(req, 'messageId'));
    const reply = createReply(store, mb, original);
    res.status(201).set('ETag', etag(reply.version)).json(messageView(reply));
  });

  // The endpoint table says PUT, the §6.13.1 example POSTs: both send.
  const send = (req: Request, res: import('express').Response) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    requireWrite(mb);
    const message = findMessage(store, mb, pathId(req, 'messageId'));
    if (req.get('If-Match') !== undefined) requireIfMatch(req, message.version, 'message');
    const sent = sendDraft(store, mb, message);
    res.set('ETag', etag(sent.version)).json(messageView(sent));
  };
  router.put(`${base}/:messageId/send`, send);
  router.post(`${base}/:messageId/send`, send);

  router.post(`${base}/:messageId/forward`, (req, res) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    const original = findMessage(store, mb, pathId(req, 'messageId'));
    const forwarded = forwardMessage(store, mb, original, parseBody(ForwardSchema, req.body, 'forward'));
    res.status(201).set('ETag', etag(forwarded.version)).json(messageView(forwarded));
  });

  return router;
};
