import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { removePrivateTempFiles } from '../services/files/private-temp';

const e = vi.hoisted(() => ({
  showSaveDialog: vi.fn(),
  openPath: vi.fn(),
}));
vi.mock('electron', () => ({ dialog: { showSaveDialog: e.showSaveDialog }, shell: { openPath: e.openPath } }));

const { createFileHooks } = await import('./file-hooks');

describe('Electron file hooks', () => {
  beforeEach(() => {
    e.showSaveDialog.mockReset();
    e.openPath.mockReset();
  });
  afterAll(() => removePrivateTempFiles());

  it('saves where the user chose, with the scrubbed name proposed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dp-save-'));
    const target = join(dir, 'brev.pdf');
    e.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const hooks = createFileHooks(() => null);
    expect(await hooks.saveFile('brev.pdf', new Uint8Array([37, 80, 68, 70]))).toBe(true);
    expect(e.showSaveDialog.mock.calls[0]![0]).toMatchObject({ defaultPath: 'brev.pdf' });
    expect(await readFile(target, 'latin1')).toBe('%PDF');
  });

  it('writes nothing when the user cancels', async () => {
    e.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await createFileHooks(() => null).saveFile('a.txt', new Uint8Array([1]))).toBe(false);
  });

  it('opens from a private temp folder and reports the system app failing', async () => {
    e.openPath.mockResolvedValueOnce('');
    const hooks = createFileHooks(() => null);
    expect(await hooks.openFile('kvittering.pdf', new Uint8Array([1, 2]))).toBe(true);
    const opened = e.openPath.mock.calls[0]![0] as string;
    expect(opened.endsWith('kvittering.pdf')).toBe(true);
    if (process.platform !== 'win32') expect((await stat(join(opened, '..'))).mode & 0o777).toBe(0o700);
    e.openPath.mockResolvedValueOnce('No application is associated');
    expect(await hooks.openFile('x.bin', new Uint8Array([1]))).toBe(false);
  });
});
