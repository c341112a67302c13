// One seeding run: its store, its deterministic random source, and the PDFs it renders after the synchronous part.
import type { FileRecord } from '../context';
import { newFile } from '../records';
import type { InMemoryMailStore } from '../store';
import type { Prng } from '../util';
import { makePdf } from './content';

/** Seeded dates count back from here, so the same seed gives the same mailbox on any day. */
export const SEED_BASE = Date.parse('2026-11-20T08:00:00.000Z');

// Rendered PDFs survive resets: the bytes only depend on title and pages.
const pdfCache = new Map<string, Buffer>();

export interface PdfJob {
  key: string;
  title: string;
  pages: string[][];
  file: FileRecord;
}

export interface SeedRun {
  store: InMemoryMailStore;
  prng: Prng;
  pdfJobs: PdfJob[];
}

export const iso = (daysAgo: number, minutes = 0): string =>
  new Date(SEED_BASE - daysAgo * 86_400_000 - minutes * 60_000).toISOString();

export const pdfFile = (run: SeedRun, at: string, filename: string, title: string, pages: string[][]): FileRecord => {
  const key = `${title}\u0000${JSON.stringify(pages)}`;
  const cached = pdfCache.get(key);
  const file = newFile(run.store, at, {
    encodingFormat: 'application/pdf',
    filename,
    content: cached ?? null,
    fileSize: cached?.length ?? 0,
  });
  if (!cached) {
    // Until rendered, reading the content waits for the render.
    file.content = async () => {
      const bytes = pdfCache.get(key) ?? (await makePdf(title, pages));
      pdfCache.set(key, bytes);
      return bytes;
    };
    run.pdfJobs.push({ key, title, pages, file });
  }
  return file;
};

export const renderPdfs = async (jobs: PdfJob[]): Promise<void> => {
  for (const job of jobs) {
    const bytes = pdfCache.get(job.key) ?? (await makePdf(job.title, job.pages));
    pdfCache.set(job.key, bytes);
    // The file may have been replaced by an upload meanwhile; only fill in what is still the seeded content.
    if (typeof job.file.content === 'function') {
      job.file.content = bytes;
      job.file.fileSize = bytes.length;
    }
  }
};
