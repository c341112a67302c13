import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppFault } from '../errors';
import { removePrivateTempFiles } from '../services/files/private-temp';

const e = vi.hoisted(() => ({
  showSaveDialog: vi.fn(),
  showOpenDialog: vi.fn(),
  openPath: vi.fn(),
}));
vi.mock('electron', () => ({
  dialog: { showSaveDialog: e.showSaveDialog, showOpenDialog: e.showOpenDialog },
  shell: { openPath: e.openPath },
}));

const { createFileHooks, MARK_FAILED } = await import('./file-hooks');

describe('Electron file hooks', () => {
  beforeEach(() => {
    e.showSaveDialog.mockReset();
    e.showOpenDialog.mockReset();
    e.openPath.mockReset();
  });
  afterAll(() => removePrivateTempFiles());

  it('saves where the user chose, with the proposed name, and marks the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dp-save-'));
    const target = join(dir, 'brev.pdf');
    e.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const mark = vi.fn(async () => 'written' as const);
    const hooks = createFileHooks(() => null, { mark });
    expect(await hooks.saveFile('brev.pdf', new Uint8Array([37, 80, 68, 70]))).toBe(true);
    expect(e.showSaveDialog.mock.calls[0]![0]).toMatchObject({ defaultPath: 'brev.pdf' });
    expect(await readFile(target, 'latin1')).toBe('%PDF');
    expect(mark).toHaveBeenCalledWith(target);
  });

  it('keeps a saved file whose mark failed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dp-save-'));
    const target = join(dir, 'brev.pdf');
    e.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const hooks = createFileHooks(() => null, { platform: 'win32', mark: async () => 'failed' });
    expect(await hooks.saveFile('brev.pdf', new Uint8Array([1]))).toBe(true);
    expect(await stat(target)).toBeTruthy();
  });

  it('writes nothing when the user cancels', async () => {
    e.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const mark = vi.fn(async () => 'written' as const);
    expect(await createFileHooks(() => null, { mark }).saveFile('a.txt', new Uint8Array([1]))).toBe(false);
    expect(mark).not.toHaveBeenCalled();
  });

  it('opens a marked copy from a private temp folder and reports the system app failing', async () => {
    e.openPath.mockResolvedValueOnce('');
    const mark = vi.fn(async () => 'written' as const);
    const hooks = createFileHooks(() => null, { platform: 'darwin', mark });
    expect(await hooks.openFile('kvittering.pdf', new Uint8Array([1, 2]))).toBe(true);
    const opened = e.openPath.mock.calls[0]![0] as string;
    expect(opened.endsWith('kvittering.pdf')).toBe(true);
    expect(mark).toHaveBeenCalledWith(opened);
    if (process.platform !== 'win32') expect((await stat(join(opened, '..'))).mode & 0o777).toBe(0o700);
    e.openPath.mockResolvedValueOnce('No application is associated');
    expect(await hooks.openFile('x.txt', new Uint8Array([1]))).toBe(false);
  });

  it.each(['win32', 'darwin'] as const)(
    'refuses to open on %s when the mark could not be written',
    async (platform) => {
      const hooks = createFileHooks(() => null, { platform, mark: async () => 'failed', log: vi.fn() });
      const err = await hooks.openFile('brev.pdf', new Uint8Array([1])).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(AppFault);
      expect((err as AppFault).appError.code).toBe(MARK_FAILED);
      expect(e.openPath).not.toHaveBeenCalled();
    },
  );

  it('opens on Linux, which has no mark', async () => {
    e.openPath.mockResolvedValueOnce('');
    const hooks = createFileHooks(() => null, { platform: 'linux', mark: async () => 'not-supported' });
    expect(await hooks.openFile('brev.pdf', new Uint8Array([1]))).toBe(true);
  });

  it('asks where an archive export goes: a folder for files and .eml, a file for .mbox; cancel is null', async () => {
    const hooks = createFileHooks(() => null, { mark: () => Promise.resolve('written') });
    e.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/lone/Eksport'] });
    expect(await hooks.exportTarget.pickFolder('Vælg en mappe')).toBe('/home/lone/Eksport');
    expect(e.showOpenDialog.mock.calls[0]![0]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    e.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await hooks.exportTarget.pickFolder('Vælg en mappe')).toBeNull();
    e.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/lone/post.mbox' });
    expect(await hooks.exportTarget.pickFile('Digital Post.mbox', 'Eksportér')).toBe('/home/lone/post.mbox');
    expect(e.showSaveDialog.mock.calls[0]![0]).toMatchObject({ defaultPath: 'Digital Post.mbox' });
    e.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    expect(await hooks.exportTarget.pickFile('Digital Post.mbox', 'Eksportér')).toBeNull();
  });
});
