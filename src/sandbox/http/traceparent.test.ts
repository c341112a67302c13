import { describe, expect, it } from 'vitest';
import { incomingTraceId, newTraceparent } from './traceparent';

describe('traceparent', () => {
  it('accepts a valid W3C traceparent and keeps its trace id', () => {
    expect(incomingTraceId('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toBe(
      '0af7651916cd43dd8448eb211c80319c',
    );
  });

  it.each([
    undefined,
    '',
    'garbage',
    '00-00000000000000000000000000000000-b7ad6b7169203331-01',
    '00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01',
    'ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    '00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01',
  ])('rejects %s', (header) => {
    expect(incomingTraceId(header)).toBeUndefined();
  });

  it('makes a fresh version-00 header with a new span id', () => {
    const a = newTraceparent();
    const b = newTraceparent('0af7651916cd43dd8448eb211c80319c');
    expect(a).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(b.startsWith('00-0af7651916cd43dd8448eb211c80319c-')).toBe(true);
    expect(newTraceparent()).not.toBe(a);
  });
});
