import { Router } from 'express';
import type { Outbox, OutboxEntry } from '../context';
import type { PinMeta } from './pins';

// /sandbox/outbox: what the sandbox "sent" by SMS and e-mail (PINs, notifications, forwarded messages), oldest
// first, so tests and a developer can read a PIN without a phone.

export const outboxView = (entry: OutboxEntry, pin: PinMeta | undefined) => ({
  ...entry,
  at: entry.sentAt,
  ...(pin ? { pin: pin.pin, purpose: pin.purpose } : {}),
});

export const createOutboxRoutes = (
  outbox: () => Outbox,
  pinOf: (entry: OutboxEntry) => PinMeta | undefined,
): Router => {
  const router = Router();
  router.get('/outbox', (req, res) => {
    const kind = typeof req.query.kind === 'string' ? req.query.kind : undefined;
    const to = typeof req.query.to === 'string' ? req.query.to : undefined;
    const entries = outbox().entries.filter(
      (e) => (kind === undefined || e.kind === kind) && (to === undefined || e.to === to),
    );
    res.json({ entries: entries.map((e) => outboxView(e, pinOf(e))) });
  });
  router.delete('/outbox', (_req, res) => {
    outbox().clear();
    res.status(204).end();
  });
  return router;
};
