import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/dp/resources';
import { createFakeDpClient, dpFault } from './fake-dp-client.test-support';
import { ancestorIds, fetchThread, sortThread } from './thread';

const MB = 'mb1';
const msg = (id: string, minute: number, pairs: [child: string, parent: string][] = []): Message => ({
  id,
  version: 0,
  mailboxId: MB,
  folderId: 'inbox',
  messageType: 'REGULAR',
  messageState: 'RECEIVED',
  messageDateTime: `2024-01-01T10:${String(minute).padStart(2, '0')}:00Z`,
  forward: false,
  reply: true,
  flag: false,
  legallyNotified: false,
  read: true,
  welcomeMessage: false,
  errorMessage: false,
  replyData: pairs.map(([childMessageId, parentMessageId]) => ({ childMessageId, parentMessageId })),
});

// The chain from §6.13.8: A ← B ← C.
const A = msg('A', 1);
const B = msg('B', 2, [['B', 'A']]);
const C = msg('C', 3, [
  ['C', 'B'],
  ['B', 'A'],
]);

describe('ancestorIds', () => {
  it('walks child→parent pairs up to the root', () => {
    expect(ancestorIds(C)).toEqual(['C', 'B', 'A']);
    expect(ancestorIds(A)).toEqual(['A']);
  });
  it('stops on a cycle', () => {
    expect(
      ancestorIds(
        msg('X', 0, [
          ['X', 'Y'],
          ['Y', 'X'],
        ]),
      ),
    ).toEqual(['X', 'Y']);
  });
});

describe('sortThread', () => {
  it('puts the oldest first', () => {
    expect(sortThread([C, A, B]).map((m) => m.id)).toEqual(['A', 'B', 'C']);
  });
});

describe('fetchThread', () => {
  it('fetches the message, queries the root for children and fills in what the query missed', async () => {
    const { api, calls } = createFakeDpClient({
      [`GET mailboxes/${MB}/messages/B`]: () => B,
      [`GET mailboxes/${MB}/messages/A`]: () => A,
      // Eventual consistency: the query has not seen B yet.
      [`GET mailboxes/${MB}/messages/`]: () => ({ totalElements: 1, messages: [C] }),
    });
    const thread = await fetchThread({ api, hooks: {} }, MB, 'B');
    expect(thread.map((m) => m.id)).toEqual(['A', 'B', 'C']);
    expect(calls.find((c) => c.path.endsWith('/messages/'))?.query).toMatchObject({ 'replyData.parentMessageId': 'A' });
  });

  it('leaves out a root it cannot read', async () => {
    const { api } = createFakeDpClient({
      [`GET mailboxes/${MB}/messages/C`]: () => C,
      [`GET mailboxes/${MB}/messages/B`]: () => B,
      [`GET mailboxes/${MB}/messages/A`]: () => {
        throw dpFault(404);
      },
      [`GET mailboxes/${MB}/messages/`]: () => ({ totalElements: 0, messages: [] }),
    });
    expect((await fetchThread({ api, hooks: {} }, MB, 'C')).map((m) => m.id)).toEqual(['B', 'C']);
  });
});
