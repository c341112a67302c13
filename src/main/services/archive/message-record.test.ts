import { describe, expect, it } from 'vitest';
import { hasAttachments, toArchivedMessage } from './message-record';

describe('what the archive keeps of a message', () => {
  it('keeps a message with unknown enum values and without the unprinted fields, raw JSON and all', () => {
    const input = {
      id: 'm-1',
      messageState: 'SOMETHING_NEW',
      messageType: 'CERTIFIED',
      sender: { senderIdType: 'P_NUMBER' },
      documents: [{ id: 'd', documentType: 'ANNEX', files: [{ id: 'f', filename: 'a.xyz' }, { nope: true }] }],
      futureField: { nested: [1, 2] },
    };
    const record = toArchivedMessage(input, 'mb-fallback')!;
    expect(record).toMatchObject({ id: 'm-1', mailboxId: 'mb-fallback', read: false, flagged: false });
    expect(record.senderLabel).toBeUndefined();
    expect(record.files).toEqual([
      {
        id: 'f',
        documentId: 'd',
        documentType: 'ANNEX',
        filename: 'a.xyz',
        encodingFormat: undefined,
        version: undefined,
        position: 0,
      },
    ]);
    expect(JSON.parse(record.raw)).toEqual(input);
  });

  it('only a message without an id is left out, since nothing could key it', () => {
    expect(toArchivedMessage({ label: 'x' }, 'mb')).toBeUndefined();
    expect(toArchivedMessage('not an object', 'mb')).toBeUndefined();
    expect(toArchivedMessage({ id: 'x', documents: 'garbage', sender: 7 }, 'mb')?.files).toEqual([]);
  });

  it('a letter has attachments when it carries more than its main file', () => {
    const one = toArchivedMessage({ id: 'a', documents: [{ id: 'd', files: [{ id: 'f' }] }] }, 'mb')!;
    const two = toArchivedMessage(
      {
        id: 'b',
        documents: [
          { id: 'd', files: [{ id: 'f' }] },
          { id: 'e', files: [{ id: 'g' }] },
        ],
      },
      'mb',
    )!;
    expect([hasAttachments(one.files), hasAttachments(two.files)]).toEqual([false, true]);
  });
});
