import { describe, expect, it } from 'vitest';
import { describeExternalUrl, isExternalUrlAllowed, rebuildMailto, toSafeExternalUrl } from './external-url';

describe('toSafeExternalUrl: the allowlist', () => {
  it('lets https and mailto through', () => {
    expect(toSafeExternalUrl('https://www.borger.dk/boligstoette?a=1#x')).toBe(
      'https://www.borger.dk/boligstoette?a=1#x',
    );
    expect(toSafeExternalUrl('mailto:post@example.dk')).toBe('mailto:post@example.dk');
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'vscode://file/etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'http://www.borger.dk/',
    'ftp://example.dk/',
    'https://user:pass@example.dk/',
    'https://www.borger.dk@evil.example/',
    'https://:pass@example.dk/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(toSafeExternalUrl(url)).toBeNull();
    expect(isExternalUrlAllowed(url)).toBe(false);
  });

  it('hands the OS an IDN host in punycode, so what is shown is what opens', () => {
    // Cyrillic а (U+0430) in place of the Latin a.
    expect(toSafeExternalUrl('https://digit\u0430lpost.dk/')).toBe('https://xn--digitlpost-3qi.dk/');
    expect(toSafeExternalUrl('https://blåbær.dk/side')).toBe('https://xn--blbr-roah.dk/side');
  });

  it('allows loopback http only when asked (the sandbox login) and only to loopback', () => {
    expect(toSafeExternalUrl('http://127.0.0.1:4000/auth?x=1')).toBeNull();
    expect(toSafeExternalUrl('http://127.0.0.1:4000/auth?x=1', { allowLoopbackHttp: true })).toBe(
      'http://127.0.0.1:4000/auth?x=1',
    );
    expect(isExternalUrlAllowed('http://localhost:4000/auth', { allowLoopbackHttp: true })).toBe(true);
    expect(isExternalUrlAllowed('http://127.0.0.1.evil.example/auth', { allowLoopbackHttp: true })).toBe(false);
    expect(isExternalUrlAllowed('http://example.dk/auth', { allowLoopbackHttp: true })).toBe(false);
    expect(isExternalUrlAllowed('file:///etc/passwd', { allowLoopbackHttp: true })).toBe(false);
  });
});

describe('rebuildMailto', () => {
  it('drops attach and every other field but subject and body', () => {
    expect(
      rebuildMailto('mailto:post@example.dk?attach=/home/lone/.ssh/id_rsa&subject=Hej&X-Header=1&body=Tekst'),
    ).toBe('mailto:post@example.dk?subject=Hej&body=Tekst');
    expect(rebuildMailto('mailto:post@example.dk?Attachment=C:%5Cx&attach=%2Fetc%2Fpasswd')).toBe(
      'mailto:post@example.dk',
    );
  });

  it('drops cc and bcc, keeps to-field addresses as recipients', () => {
    expect(rebuildMailto('mailto:a@example.dk?cc=c@evil.example&bcc=b@evil.example&to=d@example.dk')).toBe(
      'mailto:a@example.dk,d@example.dk',
    );
  });

  it('keeps several recipients and encodes subject and body correctly', () => {
    expect(
      rebuildMailto('mailto:a@example.dk,%20b@example.dk?subject=Hej%20med%20dig%20%26%20dine&body=A+B%0D%0Aline%3F'),
    ).toBe('mailto:a@example.dk,b@example.dk?subject=Hej%20med%20dig%20%26%20dine&body=A+B%0D%0Aline%3F');
    expect(rebuildMailto('mailto:lone+post@example.dk?subject=%C3%A6%C3%B8%C3%A5')).toBe(
      'mailto:lone+post@example.dk?subject=%C3%A6%C3%B8%C3%A5',
    );
  });

  it('puts an internationalised address domain in punycode', () => {
    expect(rebuildMailto('mailto:post@blåbær.dk')).toBe('mailto:post@xn--blbr-roah.dk');
  });

  it('refuses what is not an address, or malformed encoding', () => {
    expect(rebuildMailto('mailto:not-an-address')).toBeNull();
    expect(rebuildMailto('mailto:a@example.dk?subject=%E0%A4%A')).toBeNull();
    expect(rebuildMailto('mailto:a@example.dk%0D%0ABcc:x@evil.example')).toBeNull();
    expect(toSafeExternalUrl('mailto:<a@example.dk>')).toBeNull();
  });

  it('is what toSafeExternalUrl hands out for mailto', () => {
    expect(toSafeExternalUrl('MAILTO:a@example.dk?attach=x&subject=s')).toBe('mailto:a@example.dk?subject=s');
  });
});

describe('describeExternalUrl: what the confirmation shows', () => {
  it('shows the host in punycode, so a look-alike is visibly not the real one', () => {
    const real = describeExternalUrl('https://digitalpost.dk/x');
    const fake = describeExternalUrl('https://digit\u0430lpost.dk/x');
    expect(real).toEqual({
      kind: 'web',
      target: 'digitalpost.dk',
      internationalised: false,
      href: 'https://digitalpost.dk/x',
    });
    expect(fake?.target).toBe('xn--digitlpost-3qi.dk');
    expect(fake?.internationalised).toBe(true);
    expect(fake?.target).not.toBe(real?.target);
    expect(describeExternalUrl('https://xn--digitalpst-7cb.dk/')?.internationalised).toBe(true);
    expect(describeExternalUrl('https://example.dk:8443/')?.target).toBe('example.dk:8443');
  });

  it('shows a mailto link by its recipients', () => {
    expect(describeExternalUrl('mailto:a@example.dk,b@blåbær.dk?subject=Hej&attach=x')).toEqual({
      kind: 'mail',
      target: 'a@example.dk, b@xn--blbr-roah.dk',
      internationalised: true,
      href: 'mailto:a@example.dk,b@xn--blbr-roah.dk?subject=Hej',
    });
  });

  it('describes nothing the allowlist refuses', () => {
    expect(describeExternalUrl('javascript:alert(1)')).toBeNull();
    expect(describeExternalUrl('https://u:p@example.dk/')).toBeNull();
  });
});
