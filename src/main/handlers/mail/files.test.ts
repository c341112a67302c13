import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppFault } from '../../errors';
import { clearDownloadOffers, takeDownload } from '../../services/files/download-offers';
import { createFileHandlers, FILE_OPEN_REFUSED } from './files';
import { createFakeDpClient } from './fake-dp-client.test-support';

const address = { mailboxId: 'mb1', messageId: 'm1', documentId: 'd1', fileId: 'f1' };
const path = 'mailboxes/mb1/messages/m1/documents/d1/files/f1';
const call = { transport: 'browser' as const };

const fileWith = (filename: string, encodingFormat: string, content = 'bytes') =>
  createFakeDpClient({
    [`GET ${path}`]: () => ({ id: 'f1', version: 0, encodingFormat, filename }),
    [`GET ${path}/content`]: () => ({ data: new TextEncoder().encode(content) }),
  });

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e instanceof AppFault ? e.appError.code : String(e);
  }
};

afterEach(clearDownloadOffers);

describe('files.open', () => {
  it.each([
    ['Faktura\u202Efdp.exe', 'application/pdf', 'Fakturafdp.exe.pdf'],
    ['rapport.pdf.exe', 'application/pdf', 'rapport.pdf.exe.pdf'],
    ['noter.desktop', 'text/plain', 'noter.desktop.txt'],
    ['../../hjem.sh', 'text/plain', 'hjem.sh.txt'],
    ['CON', 'image/png', '_CON.png'],
  ])('opens %j (%s) only under its forced name %j', async (filename, format, expected) => {
    const { api } = fileWith(filename, format);
    const openFile = vi.fn(async () => true);
    const h = createFileHandlers({ api, hooks: { openFile } });
    expect(await h['files.open'](address, call)).toEqual({ opened: true });
    expect(openFile).toHaveBeenCalledWith(expected, expect.any(Uint8Array));
  });

  it.each([
    'application/x-msdownload',
    'application/java-archive',
    'application/hta',
    'application/x-desktop',
    'application/xml',
    'application/msword',
    'application/octet-stream',
  ])('refuses to hand %s to the OS and never downloads its bytes for that', async (format) => {
    const { api, calls } = fileWith('x.exe', format);
    const openFile = vi.fn(async () => true);
    const h = createFileHandlers({ api, hooks: { openFile } });
    expect(await codeOf(h['files.open'](address, call))).toBe(FILE_OPEN_REFUSED);
    expect(openFile).not.toHaveBeenCalled();
    expect(calls.map((c) => c.path)).toEqual([path]);
  });

  it('shows HTML in the app: the letter window in Electron, a letter tab in browser mode; never the OS', async () => {
    const { api, calls } = fileWith('brev.html', 'text/html; charset=utf-8', '<script>x</script>');
    const openFile = vi.fn(async () => true);
    const openLetter = vi.fn(async () => true);
    expect(await createFileHandlers({ api, hooks: { openFile, openLetter } })['files.open'](address, call)).toEqual({
      opened: true,
    });
    expect(openLetter).toHaveBeenCalledWith(address);
    expect(openFile).not.toHaveBeenCalled();
    expect(await createFileHandlers({ api, hooks: {} })['files.open'](address, call)).toEqual({
      opened: false,
      letterHash: '#letter=mb1/m1/d1/f1',
    });
    // Only the metadata: the raw HTML never leaves main for this.
    expect(calls.every((c) => !c.path.endsWith('/content'))).toBe(true);
  });

  it('answers opened:false in browser mode for a file the OS would open', async () => {
    const { api } = fileWith('brev.pdf', 'application/pdf');
    expect(await createFileHandlers({ api, hooks: {} })['files.open'](address, call)).toEqual({ opened: false });
  });
});

describe('files.save', () => {
  it('proposes the scrubbed, format-forced name in the save dialog, for any format', async () => {
    const { api } = fileWith('Faktura\u202Efdp.exe', 'application/pdf');
    const saveFile = vi.fn(async () => true);
    expect(await createFileHandlers({ api, hooks: { saveFile } })['files.save'](address, call)).toEqual({
      saved: true,
    });
    expect(saveFile).toHaveBeenCalledWith('Fakturafdp.exe.pdf', expect.any(Uint8Array));

    const exe = fileWith('setup\u202E.exe', 'application/x-msdownload');
    const saveExe = vi.fn(async () => true);
    expect(
      await createFileHandlers({ api: exe.api, hooks: { saveFile: saveExe } })['files.save'](address, call),
    ).toEqual({
      saved: true,
    });
    expect(saveExe).toHaveBeenCalledWith('setup.exe', expect.any(Uint8Array));
  });

  it('browser mode: offers a one-time download with our name and an allowlisted content type', async () => {
    const { api } = fileWith('../../hjem.sh', 'text/plain', 'echo hej');
    const out = await createFileHandlers({ api, hooks: {} })['files.save'](address, call);
    expect(out.saved).toBe(false);
    const token = out.downloadPath?.replace(/^\/download\//, '') ?? '';
    const offer = takeDownload(token);
    expect(offer?.name).toBe('hjem.sh.txt');
    expect(offer?.contentType).toBe('text/plain');
    expect(new TextDecoder().decode(offer?.bytes)).toBe('echo hej');

    const exe = fileWith('x.exe', 'application/x-msdownload');
    const exeOut = await createFileHandlers({ api: exe.api, hooks: {} })['files.save'](address, call);
    expect(takeDownload(exeOut.downloadPath!.slice('/download/'.length))?.contentType).toBe('application/octet-stream');
  });
});
