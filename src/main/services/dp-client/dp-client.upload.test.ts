import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDpClient, UPLOAD_PROGRESS_CHUNK } from './dp-client';

// Upload progress over a real loopback connection: Node's fetch has to take the counted stream as a body.

interface Received {
  headers: IncomingMessage['headers'];
  body: Buffer;
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** Answers each PUT with the next status in `statuses` (the last one again), after reading the whole body. */
const startServer = async (statuses: number[]) => {
  const received: Received[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      const status = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
      res.writeHead(status, { 'content-type': 'application/json', etag: '"2"' });
      res.end(status < 300 ? '{"ok":true}' : '');
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  const client = createDpClient({
    baseUrl: () => base,
    tokens: { getAccessToken: async () => 'at', renewAfterUnauthorized: async () => 'at' },
    sleep: async () => undefined,
    log: () => undefined,
  });
  return { client, received };
};

const fileOf = (size: number): Uint8Array => {
  const data = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) data[i] = (i * 31) & 0xff;
  return data;
};

const fileIn = async (r: Received): Promise<Uint8Array> => {
  const form = await new Response(new Uint8Array(r.body), {
    headers: { 'content-type': String(r.headers['content-type']) },
  }).formData();
  const file = form.get('file');
  if (!(file instanceof Blob)) throw new Error('no file field');
  return new Uint8Array(await file.arrayBuffer());
};

describe('DpClient.putMultipart upload progress', () => {
  it('reports bytes up to the total and sends the same form, with a Content-Length', async () => {
    const { client, received } = await startServer([200]);
    const data = fileOf(700_000);
    const seen: [number, number][] = [];
    const res = await client.putMultipart(
      '/files/f1/content',
      { data, filename: 'a.pdf', contentType: 'application/pdf' },
      {
        ifMatch: 1,
        onUploadProgress: (loaded, total) => seen.push([loaded, total]),
      },
    );
    expect(res.status).toBe(200);
    expect(received).toHaveLength(1);
    const total = received[0]!.body.length;
    expect(received[0]!.headers['content-length']).toBe(String(total));
    expect(received[0]!.headers['if-match']).toBe('1');
    expect(await fileIn(received[0]!)).toEqual(data);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every(([, t]) => t === total)).toBe(true);
    expect(seen.at(-1)![0]).toBe(total);
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]![0]).toBeGreaterThan(seen[i - 1]![0]);
  });

  it('makes the body again for a retry after a 503, and counts it from 0', async () => {
    const { client, received } = await startServer([503, 200]);
    const data = fileOf(3 * UPLOAD_PROGRESS_CHUNK + 10);
    const seen: number[] = [];
    const res = await client.putMultipart(
      '/files/f1/content',
      { data, filename: 'a.pdf' },
      { ifMatch: 4, onUploadProgress: (loaded) => seen.push(loaded) },
    );
    expect(res.status).toBe(200);
    expect(received).toHaveLength(2);
    expect(await fileIn(received[1]!)).toEqual(data);
    const total = received[1]!.body.length;
    expect(seen.filter((l) => l === total)).toHaveLength(2);
    expect(seen.indexOf(total)).toBeLessThan(seen.lastIndexOf(total));
  });

  it('stops when cancelled mid-upload', async () => {
    const { client, received } = await startServer([200]);
    const controller = new AbortController();
    const seen: number[] = [];
    const put = client.putMultipart(
      '/files/f1/content',
      { data: fileOf(1_000_000), filename: 'a.pdf' },
      {
        ifMatch: 1,
        signal: controller.signal,
        onUploadProgress: (loaded) => {
          seen.push(loaded);
          if (seen.length === 2) controller.abort();
        },
      },
    );
    await expect(put).rejects.toThrow();
    expect(seen.length).toBeLessThan(5);
    expect(received.every((r) => r.body.length < 1_000_000)).toBe(true);
  });
});
