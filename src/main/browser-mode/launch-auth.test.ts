import { describe, expect, it } from 'vitest';
import { createLaunchAuth, MAX_OPEN_LAUNCH_TOKENS, readCookie, sessionCookieName } from './launch-auth';

const setup = (ttlMs = 1000) => {
  let clock = 0;
  const auth = createLaunchAuth({ port: () => 4321, ttlMs, now: () => clock });
  return { auth, advance: (ms: number) => (clock += ms) };
};

const cookieOf = (auth: ReturnType<typeof createLaunchAuth>): string => auth.sessionCookie().split(';')[0]!;

describe('launch auth', () => {
  it('redeems a token once', () => {
    const { auth } = setup();
    const token = auth.issueToken();
    expect(auth.redeem(token)).toBe(true);
    expect(auth.redeem(token)).toBe(false);
  });

  it('refuses an expired token, and a guessed, empty or missing one', () => {
    const { auth, advance } = setup(1000);
    const token = auth.issueToken();
    advance(1000);
    expect(auth.redeem(token)).toBe(false);
    const fresh = auth.issueToken();
    expect(auth.redeem(`${fresh.slice(0, -1)}${fresh.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(auth.redeem(fresh.slice(0, 10))).toBe(false);
    expect(auth.redeem('')).toBe(false);
    expect(auth.redeem(null)).toBe(false);
    expect(auth.redeem(fresh)).toBe(true);
  });

  it('keeps several open tokens apart and drops the oldest beyond the cap', () => {
    const { auth } = setup();
    const tokens = Array.from({ length: MAX_OPEN_LAUNCH_TOKENS + 1 }, () => auth.issueToken());
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(auth.redeem(tokens[0]!)).toBe(false);
    expect(auth.redeem(tokens[2]!)).toBe(true);
    expect(auth.redeem(tokens[1]!)).toBe(true);
  });

  it('recognises its own session cookie only, by a port-specific name', () => {
    const { auth } = setup();
    expect(auth.sessionCookie()).toMatch(/^dp-session-4321=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(auth.hasSession(cookieOf(auth))).toBe(true);
    expect(auth.hasSession(`other=1; ${cookieOf(auth)}; x=y`)).toBe(true);
    expect(auth.hasSession(undefined)).toBe(false);
    expect(auth.hasSession('')).toBe(false);
    expect(auth.hasSession(cookieOf(auth).replace('4321', '4322'))).toBe(false);
    expect(auth.hasSession(cookieOf(setup().auth))).toBe(false);
  });
});

describe('readCookie', () => {
  it('finds a cookie by exact name', () => {
    expect(readCookie('a=1; dp-session-1=xyz; b=2', sessionCookieName(1))).toBe('xyz');
    expect(readCookie('xdp-session-1=xyz', sessionCookieName(1))).toBeNull();
    expect(readCookie(undefined, 'a')).toBeNull();
  });
});
