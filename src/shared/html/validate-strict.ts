// Checks HTML against the STRICT whitelist in one streaming pass, reporting what Digital Post's validator would
// report, so the user learns before uploading. It never builds a DOM: a 10 MB letter must validate instantly.
import { Parser } from 'htmlparser2';
import { attributeRule, valueAllowed } from './attribute-rules';
import { uploadMessage, type StrictErrorCode } from './messages';
import { filterStrictStyle } from './strict-css';
import { STRICT_POLICY } from './strict-policy';

export type { StrictErrorCode } from './messages';

export interface StrictError {
  readonly code: StrictErrorCode;
  /** Danish, as a rejected upload words it (§6.14). */
  readonly message: string;
  readonly element?: string;
  readonly attributes?: string[];
}

export type StrictVerdict = { approved: true } | { approved: false; errors: StrictError[] };

class Findings {
  readonly errors: StrictError[] = [];
  private readonly seen = new Set<string>();

  add(code: StrictErrorCode, element?: string, attribute?: string): void {
    const message = uploadMessage(code, element, attribute);
    // Digital Post reports a finding once however often it occurs; the message is what makes two findings distinct.
    const key = `${code}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const error: StrictError = { code, message };
    if (element !== undefined) Object.assign(error, { element });
    if (attribute !== undefined) Object.assign(error, { attributes: [attribute] });
    this.errors.push(error);
  }
}

function checkElement(findings: Findings, name: string, names: readonly string[], values: readonly string[]): void {
  const policy = STRICT_POLICY;
  if (!policy.elements.has(name)) {
    findings.add('html.validator.rejected.element', name);
    return;
  }
  const refused: string[] = [];
  let kept = 0;
  let remoteUrl = false;
  for (let i = 0; i < names.length; i++) {
    const attribute = names[i]!;
    const value = values[i]!;
    if (attribute === 'style') {
      const result = filterStrictStyle(value, policy.css);
      if (result.remoteUrl) remoteUrl = true;
      if (result.style !== '') kept++;
      else refused.push(attribute);
      continue;
    }
    const rule = attributeRule(policy, name, attribute);
    if (rule && valueAllowed(rule, value)) kept++;
    else refused.push(attribute);
  }
  if (remoteUrl) findings.add('html.validator.rejected.unknown-element', name);
  if (kept === 0 && policy.dropWhenBare.has(name)) {
    // The element itself goes, so its attributes are not reported separately.
    findings.add('html.validator.rejected.element', name);
    return;
  }
  for (const attribute of refused) findings.add('html.validator.rejected.element.attributes', name, attribute);
}

export function validateStrictHtml(html: string): StrictVerdict {
  const findings = new Findings();
  // Attributes are collected from onattribute rather than the attribs object, which would swallow "__proto__".
  let names: string[] = [];
  let values: string[] = [];
  const parser = new Parser(
    {
      onopentagname: () => {
        names = [];
        values = [];
      },
      onattribute: (name, value) => {
        names.push(name);
        values.push(value);
      },
      onopentag: (name) => checkElement(findings, name, names, values),
      oncomment: () => findings.add('html.validator.rejected.comments'),
      onprocessinginstruction: (name) => {
        // A doctype is fine; any other `<!...>` is a comment to a browser.
        if (name.startsWith('!') && name.toLowerCase() !== '!doctype') findings.add('html.validator.rejected.comments');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return findings.errors.length === 0 ? { approved: true } : { approved: false, errors: findings.errors };
}
