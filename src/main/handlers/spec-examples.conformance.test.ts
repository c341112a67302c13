import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccessSchema, MailboxSchema, MessageSchema, searchResultSchema } from '../../shared/dp/resources';
import { SPEC_EXAMPLES, specExample, type SpecExampleName } from '../../shared/dp/spec-examples';
import { AppFault } from '../errors';
import { dpErrorToAppError } from '../services/dp-client/errors';
import type { DpClient, DpResponse, RequestOptions } from '../services/dp-client/dp-client';
import { TokenBucket } from '../services/dp-client/token-bucket';
import { createComposeHandlers } from './compose';
import { createMailHandlers } from './mail';
import { createNotifyHandlers } from './notify';

// Every answer the spec prints for a resource the client reads, fed through the real handlers as Digital Post's
// answer: it must parse, lose nothing, and reach the IPC response as what the user would see.

const call = { transport: 'browser' as const };

interface Seen {
  method: string;
  path: string;
  ifMatch?: number | string;
  query?: RequestOptions['query'];
}

/** A DpClient answering from `answer(method, path)`; undefined is a 404. Records what was asked. */
const fakeDp = (answer: (method: string, path: string, query?: RequestOptions['query']) => unknown) => {
  const seen: Seen[] = [];
  const respond = async <T>(method: string, path: string, o?: RequestOptions): Promise<DpResponse<T>> => {
    seen.push({
      method,
      path,
      ...(o?.ifMatch !== undefined ? { ifMatch: o.ifMatch } : {}),
      ...(o?.query ? { query: o.query } : {}),
    });
    const data = answer(method, path, o?.query);
    if (data === undefined) throw new AppFault({ code: 'app.http.404', message: 'not found', status: 404 });
    return { status: 200, data: data as T, headers: new Headers() };
  };
  const api: DpClient = {
    limiter: new TokenBucket(),
    baseUrl: async () => 'http://fake/apis/v1',
    get: (p, o) => respond('GET', p, o),
    post: (p, _b, o) => respond('POST', p, o),
    put: (p, _b, o) => respond('PUT', p, o),
    patch: (p, _b, o) => respond('PATCH', p, o),
    delete: (p, o) => respond('DELETE', p, o),
    getBytes: (p, o) => respond('GET', p, o),
    putMultipart: (p, _f, o) => respond('PUT', p, o),
  };
  return { api, seen };
};

const events = { emit: () => undefined, subscribe: () => () => undefined };

const MESSAGE_EXAMPLES = [
  'message-draft-created',
  'message-to-send',
  'message-sent',
  'message-reply-draft',
  'message-forwarded-email',
  'message-forwarded-cpr',
] as const satisfies readonly SpecExampleName[];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** Every key path of a JSON value, so "loses nothing" can be checked without caring about key order. */
const keyPaths = (v: unknown, at = ''): string[] => {
  if (Array.isArray(v)) return v.flatMap((x, i) => keyPaths(x, `${at}[${i}]`));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => [`${at}.${k}`, ...keyPaths(x, `${at}.${k}`)]);
  return [];
};

describe('the spec examples are where their lines say', () => {
  it('each names its lines and section', () => {
    for (const [name, ex] of Object.entries(SPEC_EXAMPLES)) {
      expect(ex.lines, name).toMatch(/^\d+-\d+$/);
      expect(ex.section, name).toMatch(/^§\d+(\.\d+)*$/);
    }
  });
});

describe('mailbox with access and subscriptions (§8.5.1)', () => {
  const mailbox = specExample('mailbox') as { id: string; access: { id: string } & Record<string, Json> };

  it('parses without losing a field', () => {
    const parsed = MailboxSchema.parse(mailbox);
    expect(keyPaths(parsed).sort()).toEqual(keyPaths(mailbox).sort());
  });

  it('is listed as the own mailbox, unnamed where the spec prints no name', async () => {
    const { api } = fakeDp((method, path) =>
      method === 'GET' && path === 'mailboxes/'
        ? { currentPage: 0, totalPages: 1, elementsOnPage: 1, totalElements: 1, mailboxes: [mailbox] }
        : undefined,
    );
    const { mailboxes } = await createMailHandlers({ api, hooks: {} }, () => undefined)['mailboxes.list'](
      undefined,
      call,
    );
    expect(mailboxes).toHaveLength(1);
    expect(mailboxes[0]).toMatchObject({
      id: mailbox.id,
      version: 2,
      ownerType: 'CITIZEN',
      accessType: 'OWNER',
      own: true,
      // The example has no owner name; '' lets the renderer name it from what it knows.
      ownerName: '',
    });
  });

  it('shows its SMS, e-mail and push subscriptions in the notification settings', async () => {
    const { api, seen } = fakeDp((method, path) => {
      if (path === `mailboxes/${mailbox.id}`) return mailbox;
      if (path === `mailboxes/${mailbox.id}/accesses/${mailbox.access.id}`) return mailbox.access;
      return undefined;
    });
    const view = await createNotifyHandlers({ api, events })['notify.getAccess']({ mailboxId: mailbox.id }, call);
    expect(seen.map((s) => s.path)).toContain(`mailboxes/${mailbox.id}/accesses/${mailbox.access.id}`);
    expect(view).toMatchObject({
      mailboxId: mailbox.id,
      accessId: mailbox.access.id,
      version: 3,
      accessType: 'OWNER',
      introductionCompleted: true,
      optOut: false,
      sms: { id: '8e2b1cf0-1b3c-4db6-950a-663f26209f3d', mobileNumber: '29892630' },
      emails: [{ id: '87052e65-67da-4bbc-bbd7-ecd78cfa1928', email: 'test2@nc.dk' }],
      push: [
        { providerType: 'APN', deviceId: 'c7135357-f27b-4c77-b87a-c81567cc4f71' },
        { providerType: 'FCM', deviceId: '04e2278d-05c8-4346-a3cf-afee406175f3' },
      ],
    });
    // Nothing in the example says the number was confirmed (no confirmationTime), so it is not shown as verified.
    expect(view.sms?.verified).toBe(false);
  });
});

describe('access (§6.9.1)', () => {
  it('parses whole and shows no subscriptions', async () => {
    const access = specExample('access') as { id: string; mailboxId: string };
    expect(keyPaths(AccessSchema.parse(access)).sort()).toEqual(keyPaths(access).sort());
    const { api } = fakeDp((_m, path) => {
      if (path === `mailboxes/${access.mailboxId}`) return { ...(specExample('mailbox') as object), access };
      if (path === `mailboxes/${access.mailboxId}/accesses/${access.id}`) return access;
      return undefined;
    });
    const view = await createNotifyHandlers({ api, events })['notify.getAccess']({ mailboxId: access.mailboxId }, call);
    expect(view).toMatchObject({
      accessId: access.id,
      version: 3,
      introductionCompleted: false,
      emails: [],
      sms: null,
    });
  });
});

describe('messages (§6.9.3, §6.13.1, §6.13.2, and the 2025 forwards of §6.13.6–6.13.7)', () => {
  it.each(MESSAGE_EXAMPLES)('%s parses without losing a field', (name) => {
    const example = specExample(name);
    const parsed = MessageSchema.parse(example);
    expect(keyPaths(parsed).sort()).toEqual(keyPaths(example).sort());
  });

  it('all appear in the message list with their subject, sender and documents', async () => {
    const byMailbox = new Map<string, Record<string, Json>[]>();
    for (const name of MESSAGE_EXAMPLES) {
      const m = specExample(name) as Record<string, Json> & { mailboxId: string };
      byMailbox.set(m.mailboxId, [...(byMailbox.get(m.mailboxId) ?? []), m]);
    }
    let listed = 0;
    for (const [mailboxId, messages] of byMailbox) {
      const page = { ...(specExample('message-search-result') as object), totalElements: messages.length, messages };
      const { api } = fakeDp((method, path) =>
        method === 'GET' && path === `mailboxes/${mailboxId}/messages/` ? page : undefined,
      );
      const result = await createMailHandlers({ api, hooks: {} }, () => undefined)['messages.query'](
        { mailboxId },
        call,
      );
      expect(result.messages.map((m) => m.id)).toEqual(messages.map((m) => m.id));
      expect(result.totalElements).toBe(messages.length);
      for (const [i, m] of result.messages.entries()) {
        const printed = messages[i]!;
        expect(m.label).toBe(printed.label);
        expect(m.sender?.senderId).toBe((printed.sender as { senderId: string }).senderId);
        expect(m.documents?.map((d) => d.files.map((f) => f.filename))).toEqual(
          (printed.documents as { files: { filename: string }[] }[]).map((d) => d.files.map((f) => f.filename)),
        );
      }
      listed += result.messages.length;
    }
    expect(listed).toBe(MESSAGE_EXAMPLES.length);
  });

  it('a forwarded message keeps its forward data with the original sender masked', async () => {
    for (const name of ['message-forwarded-email', 'message-forwarded-cpr'] as const) {
      const printed = specExample(name) as { id: string; mailboxId: string };
      const { api } = fakeDp((_m, path) =>
        path === `mailboxes/${printed.mailboxId}/messages/${printed.id}` ? printed : undefined,
      );
      const m = await createMailHandlers({ api, hooks: {} }, () => undefined)['messages.get'](
        { mailboxId: printed.mailboxId, messageId: printed.id },
        call,
      );
      expect(m.forwardData?.originalSender).toMatch(/^\d{6}\*{4}$/);
      expect(m.forwardData?.originalMessageId).toBeTruthy();
      expect(m.sendDateTime).toBeTruthy();
    }
  });

  it('a reply draft names its parent in replyData, and the recipient keeps its attention data', () => {
    const m = MessageSchema.parse(specExample('message-reply-draft'));
    expect(m.replyData?.[0]?.parentMessageId).toBe('8deb553b-0536-4671-9c9e-239f202d56e0');
    expect(m.recipient).toMatchObject({ recipientIdType: 'CVR', label: 'Kommunen' });
    expect(m.recipient?.attentionData).toMatchObject({ personLabel: 'Hans Hansen' });
  });
});

describe('file content upload answer (§6.12.1)', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('its version is what the next save builds on', async () => {
    const draft = specExample('message-draft-created') as {
      id: string;
      mailboxId: string;
      documents: { id: string; files: Record<string, Json>[] }[];
    };
    const doc = draft.documents[0]!;
    const file = doc.files[0]!;
    const filePath = `mailboxes/${draft.mailboxId}/messages/${draft.id}/documents/${doc.id}/files/${String(file.id)}`;
    const { api, seen } = fakeDp((method, path) => {
      if (method === 'GET' && path === `mailboxes/${draft.mailboxId}/messages/${draft.id}`) return draft;
      if (method === 'GET' && path === filePath) return file;
      if (method === 'PUT' && path === `${filePath}/content`) return specExample('file-upload-answer');
      return undefined;
    });
    const dir = await mkdtemp(join(tmpdir(), 'dp-spec-'));
    dirs.push(dir);
    const h = createComposeHandlers({ api, events, hooks: { userDataDir: dir } });
    const saved = await h['compose.save'](
      { mailboxId: draft.mailboxId, messageId: draft.id, content: { format: 'html', html: '<p>Hej</p>' } },
      call,
    );
    expect(saved).toMatchObject({ status: 'saved', fileVersion: 2 });
    const uploads = seen.filter((s) => s.method === 'PUT' && s.path.endsWith('/content'));
    expect(uploads.map((u) => u.ifMatch)).toEqual([0]);
  });
});

describe('send (§6.13.1)', () => {
  it('the printed message is sent, and the answer is what the user sees in Sendt', async () => {
    const toSend = specExample('message-to-send') as { id: string; mailboxId: string; version: number };
    const { api, seen } = fakeDp((method, path) => {
      const at = `mailboxes/${toSend.mailboxId}/messages/${toSend.id}`;
      if (method === 'GET' && path === at) return toSend;
      if (method === 'POST' && path === `${at}/send`) return specExample('message-sent');
      return undefined;
    });
    const dir = await mkdtemp(join(tmpdir(), 'dp-spec-'));
    try {
      const h = createComposeHandlers({ api, events, hooks: { userDataDir: dir } });
      const { message } = await h['compose.send']({ mailboxId: toSend.mailboxId, messageId: toSend.id }, call);
      expect(seen.filter((s) => s.method === 'POST').map((s) => s.ifMatch)).toEqual([toSend.version]);
      expect(message).toMatchObject({ id: toSend.id, version: 4, folderId: '6e6654b7-3494-4c94-8b82-6905ff601957' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('contact (§4.5.2–4.5.3)', () => {
  it('the own contact is found and shown without a NemSMS subscription', async () => {
    const contact = specExample('contact') as { id: string };
    const { api } = fakeDp((_m, path) => {
      if (path === 'contacts/') return specExample('contact-search-result');
      if (path === `contacts/${contact.id}`) return contact;
      return undefined;
    });
    const view = await createNotifyHandlers({ api, events })['notify.getNemSms'](undefined, call);
    expect(view).toEqual({ contactId: contact.id, version: 9, nemSms: null });
  });
});

describe('contact structure (§5.4, §5.6)', () => {
  const groups = specExample('contact-groups-of-organisation') as {
    contactGroups: { organisation: { id: string; name: string; cvrNumber: string } }[];
  };
  const organisation = groups.contactGroups[0]!.organisation;

  it('the printed search-result wrappers parse, with their lists', () => {
    for (const [name, plural] of [
      ['organisation-search-result', 'organisations'],
      ['contact-point-search-result', 'contactPoints'],
      ['contact-group-search-result', 'contactGroups'],
      ['contact-groups-of-organisation', 'contactGroups'],
      ['message-search-result', 'messages'],
      ['contact-search-result', 'contacts'],
      ['search-result-paging', '<resources>'],
      ['search-result', 'resource-name(in plural)'],
    ] as const) {
      const ex = specExample(name) as Record<string, unknown>;
      const parsed = searchResultSchema(plural, z.unknown()).safeParse(ex);
      expect(parsed.success, name).toBe(true);
    }
  });

  it('an authority found by CVR is offered, named as printed, even when it lists no contact points', async () => {
    const { api, seen } = fakeDp((_m, path, query) => {
      if (path === 'organisations/' && query?.cvrNumber === organisation.cvrNumber)
        return { ...(specExample('organisation-search-result') as object), organisations: [organisation] };
      if (path === `organisations/${organisation.id}/contact-points/`)
        return specExample('contact-point-search-result');
      return undefined;
    });
    const h = createComposeHandlers({ api, events, hooks: { userDataDir: tmpdir() } });
    const result = await h['authorities.search']({ query: organisation.cvrNumber }, call);
    expect(seen.map((s) => s.path)).toEqual(['organisations/', `organisations/${organisation.id}/contact-points/`]);
    expect(result.hits).toEqual([{ organisationId: organisation.id, authority: 'Silkeborg Kommune', cvr: '29189641' }]);
  });

  it('a text search over the printed (empty) contact point result shows no hits and no error', async () => {
    const { api } = fakeDp((_m, path) =>
      path === 'contact-points/' ? specExample('contact-point-search-result') : undefined,
    );
    const h = createComposeHandlers({ api, events, hooks: { userDataDir: tmpdir() } });
    expect(await h['authorities.search']({ query: 'skat' }, call)).toEqual({ hits: [], totalElements: 1 });
  });
});

describe('error bodies (§3.3.6, §4.3, §6.14–6.16, §10.14.3)', () => {
  const cases: { name: SpecExampleName; status: number; code: string; fields: number }[] = [
    { name: 'error-search-too-long', status: 400, code: 'digital.post.error', fields: 0 },
    { name: 'error-bulk-search', status: 400, code: 'invalid.bulk.search', fields: 1 },
    { name: 'error-invalid-html-upload', status: 400, code: 'html.sanitizer.rejected.element.attributes', fields: 2 },
    {
      name: 'error-send-without-content',
      status: 400,
      code: 'message.send.documents.files.content.required',
      fields: 1,
    },
    { name: 'error-reply-not-allowed', status: 400, code: 'message.create.reply.notAllowed', fields: 1 },
    { name: 'validation-rejected', status: 400, code: 'html.validator.rejected.element', fields: 1 },
  ];
  it.each(cases)(
    '$name keeps its code and every field error, with a message to show',
    ({ name, status, code, fields }) => {
      const body = specExample(name) as { message: string; fieldErrors: { code: string; message?: string }[] };
      const error = dpErrorToAppError(status, body, new Headers());
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.fieldErrors ?? []).toHaveLength(fields);
      expect((error.fieldErrors ?? []).map((f) => f.code)).toEqual(body.fieldErrors.map((f) => f.code));
      // No stack trace or exception class name ever reaches the UI as the message, only Digital Post's text.
      expect(error.message).not.toMatch(/\n\s+at /);
    },
  );
});
