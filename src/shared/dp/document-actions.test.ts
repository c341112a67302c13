import { describe, expect, it } from 'vitest';
import { byUpcomingDeadline, readDocumentAction, readMessageActions, upcomingDeadlineOf } from './document-actions';
import { MessageSchema } from './resources';

const doc = (id: string, actions: unknown[]) => ({ id, actions });
const NOW = Date.parse('2026-12-04T12:00:00Z');

describe('document actions (guessed shape, tolerant reader)', () => {
  it('reads a payment link with its deadline and an appointment with start, end and place', () => {
    const actions = readMessageActions({
      documents: [
        doc('d1', [
          {
            actionCode: 'BETALING',
            label: 'Betal',
            entryPoint: 'https://betal.example.dk/x',
            endDateTime: '2026-12-20T22:59:00Z',
          },
          {
            actionCode: 'AFTALE',
            label: 'Tandlæge',
            startDateTime: '2026-12-10T08:00:00Z',
            endDateTime: '2026-12-10T08:30:00Z',
            location: 'Klinikken, Nørrebrogade 1',
            actionStatus: { statusCode: 'PENDING' },
          },
        ]),
      ],
    });
    expect(actions).toEqual([
      {
        documentId: 'd1',
        index: 0,
        kind: 'payment',
        label: 'Betal',
        url: 'https://betal.example.dk/x',
        end: '2026-12-20T22:59:00.000Z',
        deadline: '2026-12-20T22:59:00.000Z',
      },
      {
        documentId: 'd1',
        index: 1,
        kind: 'appointment',
        label: 'Tandlæge',
        start: '2026-12-10T08:00:00.000Z',
        end: '2026-12-10T08:30:00.000Z',
        place: 'Klinikken, Nørrebrogade 1',
        status: 'PENDING',
      },
    ]);
  });

  it('drops links that are not https and keeps the action', () => {
    for (const entryPoint of ['http://x.dk', 'javascript:alert(1)', 'file:///etc/passwd', 'mailto:a@b.dk']) {
      const a = readDocumentAction({ actionCode: 'SELVBETJENING', label: 'Gå til', entryPoint }, 'd', 0);
      expect(a?.url).toBeUndefined();
      expect(a?.label).toBe('Gå til');
    }
  });

  it('ignores what does not read as an action and never throws', () => {
    const odd = [null, 3, 'x', [], {}, { handling_x: 'BETALING' }, { label: 42 }, { startDateTime: 'not a date' }];
    expect(readMessageActions({ documents: [doc('d', odd)] })).toEqual([]);
    expect(readMessageActions({ documents: [{ id: 'd', actions: null }] })).toEqual([]);
    expect(readMessageActions({})).toEqual([]);
  });

  it('an unknown code is an action of kind other, shown by its label', () => {
    expect(readDocumentAction({ actionCode: 'UNDERSKRIV', label: 'Underskriv' }, 'd', 2)).toMatchObject({
      kind: 'other',
      index: 2,
    });
  });

  it('the message schema keeps actions of any shape, so the letter is never lost over one', () => {
    const parsed = MessageSchema.safeParse({
      id: 'm',
      version: 1,
      mailboxId: 'mb',
      folderId: 'f',
      messageType: 'REGULAR',
      forward: false,
      reply: false,
      flag: false,
      read: false,
      welcomeMessage: false,
      errorMessage: false,
      documents: [
        {
          id: 'd',
          version: 1,
          documentType: 'MAIN',
          files: [],
          actions: [{ handling_x: 1 }, { actionCode: 'BETALING' }],
        },
      ],
    });
    expect(parsed.success).toBe(true);
  });

  it('the upcoming deadline is the soonest one not passed; appointments have none', () => {
    const m = {
      documents: [
        doc('d', [
          { actionCode: 'BETALING', label: 'gammel', endDateTime: '2026-12-01T00:00:00Z' },
          { actionCode: 'INFORMATION', label: 'svar', deadlineDateTime: '2026-12-18T00:00:00Z' },
          { actionCode: 'BETALING', label: 'betal', endDateTime: '2026-12-15T00:00:00Z' },
          {
            actionCode: 'AFTALE',
            label: 'møde',
            startDateTime: '2026-12-05T00:00:00Z',
            endDateTime: '2026-12-05T01:00:00Z',
          },
        ]),
      ],
    };
    expect(upcomingDeadlineOf(m, NOW)).toBe('2026-12-15T00:00:00.000Z');
    expect(
      upcomingDeadlineOf({ documents: [doc('d', [{ label: 'x', endDateTime: '2026-11-01T00:00:00Z' }])] }, NOW),
    ).toBe(undefined);
  });

  it('sorts letters with upcoming deadlines soonest first and leaves the others out', () => {
    const late = { id: 'late', documents: [doc('a', [{ label: 'x', endDateTime: '2027-01-10T00:00:00Z' }])] };
    const soon = { id: 'soon', documents: [doc('b', [{ label: 'y', endDateTime: '2026-12-06T00:00:00Z' }])] };
    const none = { id: 'none', documents: [doc('c', [])] };
    expect(byUpcomingDeadline([late, none, soon], NOW).map((m) => m.id)).toEqual(['soon', 'late']);
  });
});
