import { vi } from 'vitest';
import type { DraftView, SaveResult } from '../../../../shared/ipc/channels/compose';
import type { installFakeApi } from '../../../test/fake-api';

// The compose half of the fake window.digitalPost (see src/renderer/test/fake-api.ts): added onto an installed fake,
// every function a vi.fn with a plausible answer, so tests can script failures and see calls.

export function draftView(overrides: Partial<DraftView> = {}): DraftView {
  return {
    mailboxId: 'mb-1',
    messageId: 'd1',
    version: 1,
    isReply: false,
    main: { documentId: 'doc-main', fileId: 'file-main', fileVersion: 1 },
    format: 'html',
    html: '',
    attachments: [],
    totalBytes: 0,
    ...overrides,
  };
}

const saved = (): SaveResult => ({ status: 'saved', fileVersion: 2, savedAt: '2026-11-23T12:03:00Z' });

export function installFakeCompose(api: ReturnType<typeof installFakeApi>) {
  const extra = {
    compose: {
      create: vi.fn(async (_req: unknown) => draftView()),
      open: vi.fn(async ({ messageId }: { messageId: string }) => draftView({ messageId })),
      update: vi.fn(async ({ messageId, label }: { messageId: string; label?: string }) =>
        draftView({ messageId, ...(label !== undefined ? { label } : {}) }),
      ),
      save: vi.fn(async (_req: unknown): Promise<SaveResult> => saved()),
      send: vi.fn(async (_req: unknown): Promise<unknown> => ({ message: {}, reconciled: false })),
      discard: vi.fn(async () => ({ discarded: true as const })),
      attach: vi.fn(async (_req: unknown): Promise<unknown> => ({})),
      cancelUpload: vi.fn(async () => ({ cancelled: true })),
      removeAttachment: vi.fn(async () => draftView()),
      reply: vi.fn(async (_req: unknown): Promise<unknown> => ({ draft: draftView({ isReply: true }), original: {} })),
      forward: vi.fn(async (_req: unknown): Promise<unknown> => ({ message: {} })),
      limits: vi.fn(async () => ({
        maxFileBytes: 10 * 1024 * 1024,
        maxMessageBytes: 70 * 1024 * 1024,
        maxOtherDocuments: 10,
        maxFilesPerDocument: 10,
        maxEmailForwardBytes: 20 * 1024 * 1024,
        maxForwardCommentLength: 1000,
        maxForwardLabelLength: 256,
        maxLabelLength: 256,
        encodingFormats: {},
      })),
    },
    authorities: {
      search: vi.fn(async (_req: unknown) => ({
        hits: [
          {
            organisationId: 'o1',
            authority: 'Skattestyrelsen',
            cvr: '12345678',
            contactPointId: 'cp1',
            contactPointName: 'Personskat',
          },
          {
            organisationId: 'o2',
            authority: 'Udbetaling Danmark',
            cvr: '87654321',
            contactPointId: 'cp2',
            contactPointName: 'Boligstøtte',
            reportLink: { url: 'https://www.borger.dk/boligstoette', text: 'Søg boligstøtte' },
          },
        ],
        totalElements: 2,
      })),
    },
    journal: {
      list: vi.fn(async () => ({
        entries: [
          {
            mailboxId: 'mb-1',
            messageId: 'd7',
            label: 'Til kommunen',
            savedAt: '2026-11-23T11:00:00Z',
            format: 'html' as const,
            excerpt: 'gendannet',
            bytes: 20,
          },
        ],
        storage: 'disk' as 'disk' | 'memory',
      })),
      restore: vi.fn(async ({ messageId }: { messageId: string }) => ({
        draft: draftView({ messageId, html: '<p>gendannet</p>' }),
        result: saved(),
      })),
      dismiss: vi.fn(async () => ({ dismissed: true })),
    },
  };
  Object.assign(api, extra);
  return extra;
}
