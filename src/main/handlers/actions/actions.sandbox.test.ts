import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { readMessageActions } from '../../../shared/dp/document-actions';
import type { Message } from '../../../shared/dp/resources';
import { codeOf } from '../../errors.test-support';
import { createDpClient } from '../../services/dp-client/dp-client';
import { sandboxTokens } from '../../services/dp-client/sandbox-tokens.test-support';
import { TokenBucket } from '../../services/dp-client/token-bucket';
import { takeDownload } from '../../services/files/download-offers';
import { createMailHandlers } from '../mail';
import { createActionHandlers } from '.';

// The seeded action letters (sandbox/api/seed/action-letters.ts) through the app's own handlers: in normal mode the
// actions read and the appointment becomes a calendar file; in spec-minimal mode, where no field of an action has a
// name we could know, the letters are there all the same and simply show no actions.

const limiter = new TokenBucket({ capacity: 1000, replenishRate: 1000 });

const handlersOn = (sandbox: RunningSandbox, saveFile?: (name: string, bytes: Uint8Array) => Promise<boolean>) => {
  const api = createDpClient({
    baseUrl: () => sandbox.apiBase,
    tokens: sandboxTokens(sandbox, 'lone'),
    backoffMs: 5,
    limiter,
    log: () => undefined,
  });
  const hooks = saveFile ? { saveFile } : {};
  return { ...createMailHandlers({ api, hooks }, () => undefined), ...createActionHandlers({ api, hooks }) };
};

const call = { transport: 'browser' as const };

const inboxOf = async (h: ReturnType<typeof handlersOn>) => {
  const { mailboxes } = await h['mailboxes.list'](undefined, call);
  const own = mailboxes.find((m) => m.own)!;
  const { folders } = await h['folders.summary']({ mailboxId: own.id }, call);
  const inbox = folders.find((f) => f.folderType === 'INBOX')!;
  const page = await h['messages.query']({ mailboxId: own.id, folderId: inbox.folderId, size: 200 }, call);
  return { mailboxId: own.id, messages: page.messages };
};

const byLabel = (messages: Message[], label: string): Message => {
  const m = messages.find((x) => x.label === label);
  if (!m) throw new Error(`no letter ${label}`);
  return m;
};

describe('letter actions against the sandbox', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('reads a payment link, a self-service link, an appointment and a deadline', async () => {
    const { messages } = await inboxOf(handlersOn(sandbox));
    const kinds = (label: string) => readMessageActions(byLabel(messages, label)).map((a) => [a.kind, !!a.url]);
    expect(kinds('Restskat 2025 – indbetaling')).toEqual([['payment', true]]);
    expect(kinds('Indkaldelse til tandpleje')).toEqual([['appointment', false]]);
    // The http link is kept as an action without a button.
    expect(kinds('Boligstøtte – ansøg inden fristen')).toEqual([
      ['selfService', true],
      ['selfService', false],
    ]);
    const info = readMessageActions(byLabel(messages, 'Dokumentation til din sag'));
    expect(info[0]?.deadline).toBeDefined();
  });

  it('offers the appointment as an .ics download built from what Digital Post holds', async () => {
    const h = handlersOn(sandbox);
    const { mailboxId, messages } = await inboxOf(h);
    const letter = byLabel(messages, 'Indkaldelse til tandpleje');
    const action = readMessageActions(letter)[0]!;
    const result = await h['actions.calendar'](
      { mailboxId, messageId: letter.id, documentId: action.documentId, index: action.index },
      call,
    );
    expect(result.saved).toBe(false);
    const offer = takeDownload(result.downloadPath!.replace('/download/', ''))!;
    expect(offer.name).toMatch(/\.ics$/);
    expect(offer.contentType).toMatch(/^text\/calendar/);
    const ics = new TextDecoder().decode(offer.bytes).replace(/\r\n /g, '');
    const utc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    expect(ics).toContain(`DTSTART:${utc(action.start!)}`);
    expect(ics).toContain(`DTEND:${utc(action.end!)}`);
    expect(ics).toContain('LOCATION:Kommunal Tandpleje\\, Nørrebrogade 1\\, 2200 København N');
    expect(ics).toContain(`UID:${letter.id}-${action.documentId}-0@digitalpost-desktop`);
  });

  it('Electron: the save dialog gets the bytes and its answer is passed on', async () => {
    const saved: string[] = [];
    const h = handlersOn(sandbox, (name, bytes) => {
      saved.push(name, new TextDecoder().decode(bytes));
      return Promise.resolve(true);
    });
    const { mailboxId, messages } = await inboxOf(h);
    const letter = byLabel(messages, 'Indkaldelse til tandpleje');
    const action = readMessageActions(letter)[0]!;
    const result = await h['actions.calendar'](
      { mailboxId, messageId: letter.id, documentId: action.documentId, index: action.index },
      call,
    );
    expect(result).toEqual({ saved: true });
    expect(saved[1]).toContain('BEGIN:VEVENT');
  });

  it('refuses a calendar for an action without a time, or one that is not there', async () => {
    const h = handlersOn(sandbox);
    const { mailboxId, messages } = await inboxOf(h);
    const pay = byLabel(messages, 'Restskat 2025 – indbetaling');
    const documentId = readMessageActions(pay)[0]!.documentId;
    for (const index of [0, 7]) {
      const code = await codeOf(h['actions.calendar']({ mailboxId, messageId: pay.id, documentId, index }, call));
      expect(code).toBe('app.action.unavailable');
    }
  });
});

describe('letter actions in spec-minimal mode', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, specMinimal: true });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('keeps every letter whose actions it cannot read, and shows no action for them', async () => {
    const h = handlersOn(sandbox);
    const { mailboxId, messages } = await inboxOf(h);
    const letter = byLabel(messages, 'Indkaldelse til tandpleje');
    const full = await h['messages.get']({ mailboxId, messageId: letter.id }, call);
    expect(full.documents?.[0]?.actions?.length).toBe(1);
    expect(readMessageActions(full)).toEqual([]);
    expect(readMessageActions(byLabel(messages, 'Restskat 2025 – indbetaling'))).toEqual([]);
    const code = await codeOf(
      h['actions.calendar']({ mailboxId, messageId: letter.id, documentId: full.documents![0]!.id, index: 0 }, call),
    );
    expect(code).toBe('app.action.unavailable');
  });
});
