/**
 * The one allowlist for links that leave the app (Electron's guards, the app.openExternal handler and browser mode's
 * page all use it), and how such a link is shown before the person agrees to open it.
 *
 * Only https: and mailto: go out. Everything else (file:, smb:, javascript:, custom handlers) could start a program
 * on the person's machine; plain http: could be read and changed on the way. What goes out is rebuilt from its
 * parsed parts, never the sender's raw text, so what the confirmation shows is exactly what the OS gets.
 */

export interface ExternalUrlPolicy {
  /**
   * Login only: the local sandbox's OpenID provider runs on http://127.0.0.1. Plain http to a loopback host never
   * leaves the machine; anything else over http is still refused.
   */
  allowLoopbackHttp?: boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The mailto header fields kept. `attach` (and its variants) would let a sender attach a local file; `cc`/`bcc`
 * would send a copy to someone the person never sees in the confirmation's first line (a hidden bcc is the classic
 * trick), and any other header (`from`, `in-reply-to`, …) is the sender's choice dressed as ours. Addresses given in
 * a `to` field are visible recipients and join the address list.
 */
const KEPT_MAILTO_FIELDS = new Set(['subject', 'body']);

/**
 * Percent-encodes for a mailto hfvalue or addr-spec part: encodeURIComponent, then the RFC 6068 delimiters that need
 * no escaping there are put back (so `a+b@x.dk` stays readable); `%`, `&`, `=`, `?`, `#`, `,` and spaces stay encoded.
 */
const encodeMailtoPart = (s: string): string =>
  encodeURIComponent(s).replace(/%(21|24|27|28|29|2A|2B|3A|3B|40)/gi, (match) => decodeURIComponent(match));

const decodeOrNull = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/** `local@domain` with the domain in punycode (WHATWG URL's host parser), or null when it is not an address. */
const normaliseAddress = (raw: string): string | null => {
  const address = raw.trim();
  // Control characters, whitespace and the URL delimiters have no place in an address the app hands on.
  if (address === '' || [...address].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  if (/[\s<>"?#/\\]/.test(address)) return null;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  let host: string;
  try {
    host = new URL(`https://${domain}/`).hostname;
  } catch {
    return null;
  }
  if (host === '' || host.includes(':') || host.includes('[')) return null;
  return `${encodeMailtoPart(local)}@${host}`;
};

interface MailtoParts {
  to: string[];
  fields: [name: string, value: string][];
}

/** Parses by hand: URLSearchParams would read `+` as a space, which mailto (RFC 6068) does not. */
const parseMailto = (raw: string): MailtoParts | null => {
  const rest = raw.slice('mailto:'.length);
  const hashAt = rest.indexOf('#');
  const withoutFragment = hashAt >= 0 ? rest.slice(0, hashAt) : rest;
  const queryAt = withoutFragment.indexOf('?');
  const path = queryAt >= 0 ? withoutFragment.slice(0, queryAt) : withoutFragment;
  const query = queryAt >= 0 ? withoutFragment.slice(queryAt + 1) : '';
  const to: string[] = [];
  const addAddresses = (encoded: string): boolean => {
    const decoded = decodeOrNull(encoded);
    if (decoded === null) return false;
    for (const part of decoded.split(',')) {
      if (part.trim() === '') continue;
      const address = normaliseAddress(part);
      if (!address) return false;
      if (!to.includes(address)) to.push(address);
    }
    return true;
  };
  if (!addAddresses(path)) return null;
  const fields: MailtoParts['fields'] = [];
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = (decodeOrNull(eq >= 0 ? pair.slice(0, eq) : pair) ?? '').toLowerCase();
    const value = decodeOrNull(eq >= 0 ? pair.slice(eq + 1) : '');
    if (value === null) return null;
    if (name === 'to') {
      if (eq >= 0 && !addAddresses(pair.slice(eq + 1))) return null;
    } else if (KEPT_MAILTO_FIELDS.has(name) && !fields.some(([n]) => n === name)) {
      fields.push([name, value]);
    }
  }
  return { to, fields };
};

/** `mailto:` rebuilt from its recipients plus subject and body only; null when an address is not one. */
export const rebuildMailto = (raw: string): string | null => {
  if (!/^mailto:/i.test(raw.trim())) return null;
  const parts = parseMailto(raw.trim().replace(/^mailto:/i, 'mailto:'));
  if (!parts) return null;
  const query = parts.fields.map(([name, value]) => `${name}=${encodeMailtoPart(value)}`).join('&');
  return `mailto:${parts.to.join(',')}${query ? `?${query}` : ''}`;
};

/**
 * The URL the app may hand the OS, normalised (host in punycode, mailto rebuilt), or null when it is refused. Callers
 * open what this returns, never what they were given.
 */
export const toSafeExternalUrl = (raw: string, policy: ExternalUrlPolicy = {}): string | null => {
  if (typeof raw !== 'string') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return rebuildMailto(raw);
  const loopbackHttp =
    policy.allowLoopbackHttp === true && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) return null;
  // Credentials in a link (`https://www.borger.dk@evil.example/`) exist to make the host look like another.
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
};

export const isExternalUrlAllowed = (raw: string, policy: ExternalUrlPolicy = {}): boolean =>
  toSafeExternalUrl(raw, policy) !== null;

export interface ExternalUrlDisplay {
  kind: 'web' | 'mail';
  /** What the person must check: the host (with port, in punycode) or the recipients' addresses. */
  target: string;
  /** True when the host or an address domain is internationalised, so look-alike letters may be in play. */
  internationalised: boolean;
  /** The full URL, exactly what will be opened. */
  href: string;
}

const hasPunycodeLabel = (host: string): boolean => host.split('.').some((label) => label.startsWith('xn--'));

/** How a link from toSafeExternalUrl is shown for confirmation; null for anything toSafeExternalUrl refuses. */
export const describeExternalUrl = (raw: string, policy: ExternalUrlPolicy = {}): ExternalUrlDisplay | null => {
  const href = toSafeExternalUrl(raw, policy);
  if (!href) return null;
  if (href.startsWith('mailto:')) {
    const path = href.slice('mailto:'.length).split('?')[0] ?? '';
    const addresses = path === '' ? [] : path.split(',').map((a) => decodeOrNull(a) ?? a);
    return {
      kind: 'mail',
      target: addresses.join(', '),
      internationalised: addresses.some((a) => hasPunycodeLabel(a.slice(a.lastIndexOf('@') + 1))),
      href,
    };
  }
  const url = new URL(href);
  return { kind: 'web', target: url.host, internationalised: hasPunycodeLabel(url.hostname), href };
};
