import type { Identity } from '../identity';

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const KIND_LABEL: Record<Identity['kind'], string> = { citizen: 'borger', employee: 'medarbejder' };

// Plain, script-free pages: the sandbox's stand-in for NemLog-in/MitID must work with a keyboard and be
// addressable by role and label from Playwright.
const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
fieldset{border:1px solid #767676;padding:1rem}legend{font-weight:600;padding:0 .25rem}
label{display:block;padding:.4rem 0}button{font:inherit;padding:.5rem 1.25rem;margin:1rem .5rem 0 0}
button:focus-visible,input:focus-visible{outline:3px solid #0b5fff;outline-offset:2px}.note{color:#444}`;

const page = (title: string, body: string): string => `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;

export const renderLoginPage = (opts: {
  action: string;
  identities: readonly Identity[];
  realm: string;
  error?: string;
}): string =>
  page(
    'Log ind – Digital Post sandbox',
    `<h1>Log ind på Digital Post</h1>
<p class="note">Sandkasse: vælg en testperson i stedet for MitID (log ind via ${escapeHtml(opts.realm)}).</p>
${opts.error ? `<p role="alert">${escapeHtml(opts.error)}</p>` : ''}
<form method="post" action="${escapeHtml(opts.action)}">
<fieldset><legend>Vælg testperson</legend>
${opts.identities
  .map(
    (identity, index) =>
      `<label><input type="radio" name="identity" value="${escapeHtml(identity.id)}"${index === 0 ? ' required' : ''}> ${escapeHtml(identity.name)} (${KIND_LABEL[identity.kind]})</label>`,
  )
  .join('\n')}
</fieldset>
<button type="submit" name="action" value="login">Log ind</button>
<button type="submit" name="action" value="abort" formnovalidate>Afbryd</button>
</form>`,
  );

export const renderErrorPage = (error: string, description?: string): string =>
  page(
    'Fejl – Digital Post sandbox',
    `<h1>Der opstod en fejl</h1><p><code>${escapeHtml(error)}</code></p>${
      description ? `<p>${escapeHtml(description)}</p>` : ''
    }`,
  );

export const renderLoggedOutPage = (): string =>
  page('Logget ud – Digital Post sandbox', '<h1>Du er nu logget ud</h1>');
