import { Router } from 'express';
import { z } from 'zod';
import { isEncodingFormatAllowed } from '../../../shared/dp/encoding-formats';
import { scrubFilename } from '../../../shared/dp/filenames';
import type { Identity } from '../../identity';
import { parseBody } from '../body';
import type { DocumentRecord, MailboxRecord } from '../context';
import { dpError, notFound } from '../errors';
import { newDocument, newFile, newMessage, newParty } from '../records';
import { makePdf, pdfPagesFor } from '../seed/content';
import { AUTHORITIES, knownCvr } from '../seed/authorities';
import type { InMemoryMailStore } from '../store';
import { isCvr, pathId } from '../util';
import { messageView } from '../views';

// /sandbox hooks for tests: deliver a message as an authority's sender system would, read state without a token.

const AttachmentSchema = z.strictObject({
  filename: z.string().min(1).max(256),
  encodingFormat: z.string().min(1).max(256),
  label: z.string().max(256).optional(),
  /** Either text (stored as UTF-8) or base64 bytes. */
  text: z.string().optional(),
  base64: z.string().optional(),
  documentType: z.enum(['ADDITIONAL', 'TECHNICAL']).optional(),
  /** A file whose format Digital Post should have refused, so tests can pin the client's own defences. */
  outsideWhitelist: z.boolean().optional(),
});

const DeliverSchema = z.strictObject({
  mailboxOwner: z.string().min(1).max(64).optional(),
  mailboxId: z.string().max(64).optional(),
  senderLabel: z.string().min(1).max(256).optional(),
  senderCvr: z.string().optional(),
  label: z.string().min(1).max(1000),
  /** Arbitrary HTML: what a sender system sends is not held to STRICT. */
  html: z.string().optional(),
  text: z.string().optional(),
  /** A PDF main document: a page count, or the lines of each page. */
  pdfPages: z.union([z.number().int().min(1).max(500), z.array(z.array(z.string()))]).optional(),
  attachments: z.array(AttachmentSchema).max(10).optional(),
  legalNotification: z.boolean().optional(),
  reply: z.boolean().optional(),
  forward: z.boolean().optional(),
  read: z.boolean().optional(),
  messageDateTime: z.string().datetime().optional(),
});

export interface HookDeps {
  store: InMemoryMailStore;
  identities: readonly Identity[];
  reset: () => void;
}

const mailboxFor = (
  store: InMemoryMailStore,
  identities: readonly Identity[],
  owner: string | undefined,
  mailboxId: string | undefined,
): MailboxRecord => {
  if (mailboxId) {
    const mb = store.mailboxes.get(mailboxId.toLowerCase());
    if (!mb) throw notFound('Mailbox', mailboxId);
    return mb;
  }
  const identity = identities.find((i) => i.id === owner);
  const mb = [...store.mailboxes.values()].find((m) =>
    identity
      ? identity.kind === 'employee'
        ? m.ownerType === 'COMPANY' && m.ownerId === identity.cvr
        : m.ownerIdentityId === identity.id
      : m.ownerId === owner,
  );
  if (!mb) throw dpError(400, `ValidationException: no mailbox for owner ${String(owner).slice(0, 64)}`, []);
  return mb;
};

export const hookRoutes = ({ store, identities, reset }: HookDeps): Router => {
  const router = Router();

  router.post('/messages', async (req, res) => {
    const input = parseBody(DeliverSchema, req.body, 'message');
    const mailbox = mailboxFor(store, identities, input.mailboxOwner, input.mailboxId);
    const sources = [input.html, input.text, input.pdfPages].filter((v) => v !== undefined).length;
    if (sources !== 1) throw dpError(400, 'ValidationException: give exactly one of html, text, pdfPages', []);
    if (input.senderCvr !== undefined && !isCvr(input.senderCvr))
      throw dpError(400, 'ValidationException: senderCvr must be 8 digits', []);
    const senderCvr =
      input.senderCvr ?? AUTHORITIES.find((a) => a.name === input.senderLabel)?.cvr ?? AUTHORITIES[0]!.cvr;
    const senderLabel = input.senderLabel ?? knownCvr(senderCvr)?.name ?? senderCvr;
    const at = input.messageDateTime ? new Date(input.messageDateTime).toISOString() : store.nowIso();

    let main;
    if (input.html !== undefined)
      main = newFile(store, at, {
        encodingFormat: 'text/html',
        filename: 'brev.html',
        content: Buffer.from(input.html),
      });
    else if (input.text !== undefined)
      main = newFile(store, at, {
        encodingFormat: 'text/plain',
        filename: 'brev.txt',
        content: Buffer.from(input.text),
      });
    else {
      const pages =
        typeof input.pdfPages === 'number'
          ? pdfPagesFor(input.label, input.pdfPages, 'Dokumentet er leveret af sandkassens testkrog.')
          : (input.pdfPages ?? []);
      main = newFile(store, at, {
        encodingFormat: 'application/pdf',
        filename: 'brev.pdf',
        content: await makePdf(input.label, pages),
      });
    }
    const documents: DocumentRecord[] = [newDocument(store, at, 'MAIN', input.label, [main])];
    for (const att of input.attachments ?? []) {
      const type = att.documentType ?? 'ADDITIONAL';
      if (!att.outsideWhitelist && !isEncodingFormatAllowed(type, att.encodingFormat))
        throw dpError(400, `ValidationException: ${att.encodingFormat} is not allowed for ${type}`, []);
      const bytes = att.base64 !== undefined ? Buffer.from(att.base64, 'base64') : Buffer.from(att.text ?? '');
      documents.push(
        newDocument(store, at, type, att.label ?? att.filename, [
          newFile(store, at, {
            encodingFormat: att.encodingFormat,
            filename: scrubFilename(att.filename),
            content: bytes,
          }),
        ]),
      );
    }
    const message = store.deliver(
      newMessage(store, at, {
        mailboxId: mailbox.id,
        folderId: store.standardFolder(mailbox.id, 'INBOX').id,
        messageState: 'RECEIVED',
        label: input.label,
        reply: input.reply ?? false,
        forward: input.forward ?? true,
        read: input.read ?? false,
        legalNotification: input.legalNotification ?? false,
        sender: newParty(store, senderCvr, 'CVR', senderLabel),
        recipient: newParty(store, mailbox.ownerId, mailbox.ownerType === 'CITIZEN' ? 'CPR' : 'CVR', mailbox.ownerName),
        documents,
      }),
    );
    res.status(201).json({ messageId: message.id, mailboxId: mailbox.id });
  });

  router.post('/reset', (_req, res) => {
    reset();
    res.status(204).end();
  });

  router.get('/state/messages/:messageId', (req, res) => {
    const message = store.messages.get(pathId(req, 'messageId'));
    if (!message) throw notFound('Message', String(req.params.messageId));
    res.json({
      ...messageView(message),
      folderType: store.folders.get(message.folderId)?.folderType,
      forwarded: message.forwarded,
    });
  });

  return router;
};
