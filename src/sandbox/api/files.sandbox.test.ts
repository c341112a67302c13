import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { SECTION_6_14_HTML } from '../../shared/html/fixtures/section-6-14';
import { api, lone, useResetSandbox } from './reset-sandbox.test-support';

const newDraft = async () => (await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: {} })).body;
const filePath = (m: any, d: any, f: any) => `/mailboxes/${lone}/messages/${m.id}/documents/${d.id}/files/${f.id}`;
const put = (path: string, content: string | Buffer, type: string, ifMatch: number | undefined, field = 'file') => {
  const form = new FormData();
  form.append(
    field,
    new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }),
    'upload.bin',
  );
  return api.request('lone', 'PUT', `${path}/content`, { form, ...(ifMatch !== undefined ? { ifMatch } : {}) });
};

useResetSandbox();

describe('file content upload (§6.12.1, §6.14)', () => {
  it('stores content and answers {id, version, fileSize}; If-Match is the file version', async () => {
    const m = await newDraft();
    const d = m.documents[0];
    const f = d.files[0];
    const html = '<p>Hej</p>';
    expect((await put(filePath(m, d, f), html, 'text/html', undefined)).status).toBe(400);
    const res = await put(filePath(m, d, f), html, 'text/html', 0);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: f.id, version: 1, fileSize: Buffer.byteLength(html) });
    expect((await put(filePath(m, d, f), html, 'text/html', 0)).status).toBe(409);
    const content = await api.request('lone', 'GET', `${filePath(m, d, f)}/content`);
    expect(content.headers.get('content-type')).toMatch(/^text\/html/);
    expect(content.bytes.toString()).toBe(html);
  });

  it('rejects the §6.14 example with exactly its two errors', async () => {
    const m = await newDraft();
    const d = m.documents[0];
    const f = d.files[0];
    const res = await put(filePath(m, d, f), SECTION_6_14_HTML, 'text/html', 0);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'digital.post.error',
      message: `ValidationException: ${f.id} can not be updated with html content`,
      fieldErrors: [
        {
          resource: 'target',
          code: 'html.sanitizer.rejected.element.attributes',
          message: 'Elementet "meta" indeholder attribut "http-equiv" der ikke accepteres af Digital Post.',
        },
        {
          resource: 'target',
          code: 'html.sanitizer.rejected.element',
          message: 'Elementet "a" indeholder html der ikke accepteres af Digital Post.',
        },
      ],
    });
  });

  it('refuses a missing field, more than 10 MB, and content on a received message', async () => {
    const m = await newDraft();
    const d = m.documents[0];
    const f = d.files[0];
    expect((await put(filePath(m, d, f), 'x', 'text/html', 0, 'other')).status).toBe(400);
    const big = await put(filePath(m, d, f), Buffer.alloc(10 * 1024 * 1024 + 1, 0x61), 'text/html', 0);
    expect(big.status).toBe(400);
    expect(big.body.fieldErrors[0].code).toBe('message.file.content.size');
    const received = (await api.request('lone', 'GET', `/mailboxes/${lone}/messages/?label=Valgkort`)).body.messages[0];
    const rd = received.documents[0];
    const denied = await put(filePath(received, rd, rd.files[0]), '<p>x</p>', 'text/html', 0);
    expect(denied.body.fieldErrors[0].code).toBe('message.file.draftMessageRequired');
  });
});

describe('documents and files', () => {
  it('creates, lists, updates and deletes an attachment; scrubs its filename and checks the format whitelist', async () => {
    const m = await newDraft();
    const base = `/mailboxes/${lone}/messages/${m.id}/documents`;
    const bad = await api.request('lone', 'POST', `${base}/`, {
      body: {
        documentType: 'ADDITIONAL',
        label: 'Bilag',
        files: [{ encodingFormat: 'application/x-msdownload', filename: 'virus.exe', language: 'da' }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors[0].code).toBe('message.file.encoding.format.invalid');
    const mainPng = await api.request('lone', 'POST', `${base}/`, { body: { documentType: 'MAIN', files: [] } });
    expect(mainPng.body.fieldErrors[0].code).toBe('message.document.number.higher.than.allowed');

    const created = await api.request('lone', 'POST', `${base}/`, {
      body: { documentType: 'ADDITIONAL', label: 'Bilag' },
    });
    expect(created.status).toBe(201);
    const doc = created.body;
    const file = await api.request('lone', 'POST', `${base}/${doc.id}/files/`, {
      body: { encodingFormat: 'image/png', filename: 'bil>led:1.png', language: 'da' },
    });
    expect(file.status).toBe(201);
    expect(file.body.filename).toBe('billed1.png');
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    expect((await put(`${base}/${doc.id}/files/${file.body.id}`, png, 'image/png', 0)).status).toBe(200);
    const download = await api.request('lone', 'GET', `${base}/${doc.id}/files/${file.body.id}/content`);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.bytes.equals(png)).toBe(true);
    const listed = await api.request('lone', 'GET', `${base}/`);
    expect(listed.body.documents).toHaveLength(2);
    const renamed = await api.request('lone', 'PUT', `${base}/${doc.id}/files/${file.body.id}`, {
      ifMatch: 1,
      body: { encodingFormat: 'image/png', filename: 'kort.png', language: 'da' },
    });
    expect(renamed.body).toMatchObject({ filename: 'kort.png', version: 2 });
    expect(
      (await api.request('lone', 'DELETE', `${base}/${doc.id}/files/${file.body.id}`, { ifMatch: 2 })).status,
    ).toBe(204);
    expect((await api.request('lone', 'DELETE', `${base}/${doc.id}`, { ifMatch: doc.version })).status).toBe(409);
    const current = (await api.request('lone', 'GET', `${base}/${doc.id}`)).body;
    expect((await api.request('lone', 'DELETE', `${base}/${doc.id}`, { ifMatch: current.version })).status).toBe(204);
  });

  it('allows 1 MAIN + 10 other documents and 10 files per document', async () => {
    const m = await newDraft();
    const base = `/mailboxes/${lone}/messages/${m.id}/documents`;
    for (let i = 0; i < 10; i += 1)
      expect((await api.request('lone', 'POST', `${base}/`, { body: { documentType: 'ADDITIONAL' } })).status).toBe(
        201,
      );
    const eleventh = await api.request('lone', 'POST', `${base}/`, { body: { documentType: 'TECHNICAL' } });
    expect(eleventh.body.fieldErrors[0].code).toBe('message.document.number.higher.than.allowed');
    const main = m.documents[0];
    for (let i = 0; i < 9; i += 1)
      expect(
        (
          await api.request('lone', 'POST', `${base}/${main.id}/files/`, {
            body: { encodingFormat: 'text/plain', filename: `v${i}.txt` },
          })
        ).status,
      ).toBe(201);
    const tooMany = await api.request('lone', 'POST', `${base}/${main.id}/files/`, {
      body: { encodingFormat: 'text/plain', filename: 'x.txt' },
    });
    expect(tooMany.body.fieldErrors[0].code).toBe('message.file.number.higher.than.allowed');
  });

  it('serves seeded PDFs that are real PDFs, including the 20-page one', async () => {
    const m = (
      await api.request(
        'lone',
        'GET',
        `/mailboxes/${lone}/messages/?label=${encodeURIComponent('"Vejledning om fradrag – samlet oversigt"')}`,
      )
    ).body.messages[0];
    const d = m.documents[0];
    const res = await api.request('lone', 'GET', `${filePath(m, d, d.files[0])}/content`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = await PDFDocument.load(res.bytes);
    expect(pdf.getPageCount()).toBe(20);
  });

  it('serves the ~200 KB annual statement as HTML', async () => {
    const m = (
      await api.request(
        'lone',
        'GET',
        `/mailboxes/${lone}/messages/?label=${encodeURIComponent('"Årsopgørelse 2025 – detaljeret"')}`,
      )
    ).body.messages[0];
    const d = m.documents[0];
    const res = await api.request('lone', 'GET', `${filePath(m, d, d.files[0])}/content`);
    expect(res.bytes.length).toBeGreaterThan(180_000);
    expect(res.bytes.length).toBeLessThan(300_000);
    expect(d.files[0].fileSize).toBe(res.bytes.length);
  });
});
