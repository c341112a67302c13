import { describe, expect, it } from 'vitest';
import { routeKind } from './route-kind';

describe('routeKind', () => {
  it('takes the ids out, so all requests of one route are one kind', () => {
    const a = routeKind(
      'GET',
      '/mailboxes/e000a1d2-2933-44a6-a126-071ccdb4e090/messages/2ea949fe-ebf3-4035-926c-7dea3dc0c6b5/documents/d1/files/f2/content',
    );
    expect(a).toBe('GET mailboxes/{}/messages/{}/documents/{}/files/{}/content');
    expect(routeKind('get', 'mailboxes/1/messages/2/documents/3/files/4/content')).toBe(a);
  });
  it('keeps method, collections and actions apart, and ignores the query', () => {
    expect(routeKind('GET', '/mailboxes/')).toBe('GET mailboxes');
    expect(routeKind('GET', '/mailboxes/?size=1')).toBe('GET mailboxes');
    expect(routeKind('GET', 'mailboxes/trustees')).toBe('GET mailboxes/trustees');
    expect(routeKind('POST', '/mailboxes/m1/messages/m2/send')).toBe('POST mailboxes/{}/messages/{}/send');
    expect(routeKind('PUT', '/mailboxes/m1/messages/m2/send')).not.toBe(
      routeKind('POST', '/mailboxes/m1/messages/m2/send'),
    );
  });
});
