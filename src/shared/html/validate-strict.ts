// Checks HTML against the STRICT whitelist in one streaming pass, reporting what Digital Post's validator would
// report, so the user learns before uploading. It never builds a DOM: a 10 MB letter must validate instantly.
import { Tokenizer } from 'htmlparser2';
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

interface StyleVerdict {
  readonly survives: boolean;
  readonly remoteUrl: boolean;
}

/** Per-document state; letters repeat the same few style attributes, so their verdicts are cached. */
class StrictChecker {
  readonly findings = new Findings();
  private readonly styles = new Map<string, StyleVerdict>();

  private styleVerdict(style: string): StyleVerdict {
    let verdict = this.styles.get(style);
    if (!verdict) {
      const result = filterStrictStyle(style, STRICT_POLICY.css);
      verdict = { survives: result.style !== '', remoteUrl: result.remoteUrl };
      this.styles.set(style, verdict);
    }
    return verdict;
  }

  element(name: string, names: readonly string[], values: readonly string[]): void {
    const policy = STRICT_POLICY;
    const findings = this.findings;
    if (!policy.elements.has(name)) {
      findings.add('html.validator.rejected.element', name);
      return;
    }
    let refused: string[] | undefined;
    let kept = 0;
    let remoteUrl = false;
    for (let i = 0; i < names.length; i++) {
      const attribute = names[i]!;
      const value = values[i]!;
      if (attribute === 'style') {
        const verdict = this.styleVerdict(value);
        if (verdict.remoteUrl) remoteUrl = true;
        if (verdict.survives) kept++;
        else (refused ??= []).push(attribute);
        continue;
      }
      const rule = attributeRule(policy, name, attribute);
      if (rule && valueAllowed(rule, value)) kept++;
      else (refused ??= []).push(attribute);
    }
    if (remoteUrl) findings.add('html.validator.rejected.unknown-element', name);
    if (kept === 0 && policy.dropWhenBare.has(name)) {
      // The element itself goes, so its attributes are not reported separately.
      findings.add('html.validator.rejected.element', name);
      return;
    }
    for (const attribute of refused ?? []) findings.add('html.validator.rejected.element.attributes', name, attribute);
  }
}

export function validateStrictHtml(html: string): StrictVerdict {
  const checker = new StrictChecker();
  // htmlparser2's Tokenizer rather than its Parser: the verdict needs no tree, tag balancing or implied tags, and the
  // tokenizer alone is about twice as fast on a 10 MB letter. Names are lower-cased and entities decoded as the
  // Parser would; CDATA and `<!...>` other than a doctype are comments, as they are to a browser.
  let tagName = '';
  const names: string[] = [];
  const values: string[] = [];
  let attrName = '';
  let attrValue = '';
  const comment = () => checker.findings.add('html.validator.rejected.comments');
  const openTagEnd = () => checker.element(tagName, names, values);
  const ignore = () => {};
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname: (start, end) => {
        tagName = html.slice(start, end).toLowerCase();
        names.length = 0;
        values.length = 0;
      },
      onattribname: (start, end) => {
        attrName = html.slice(start, end).toLowerCase();
        attrValue = '';
      },
      onattribdata: (start, end) => {
        attrValue += html.slice(start, end);
      },
      onattribentity: (codepoint) => {
        attrValue += String.fromCodePoint(codepoint);
      },
      onattribend: () => {
        names.push(attrName);
        values.push(attrValue);
      },
      onopentagend: openTagEnd,
      onselfclosingtag: openTagEnd,
      oncomment: comment,
      oncdata: comment,
      ondeclaration: (start, end) => {
        if (!/^doctype(?:\s|$)/i.test(html.slice(start, Math.min(end, start + 8)))) comment();
      },
      onprocessinginstruction: ignore,
      onclosetag: ignore,
      ontext: ignore,
      ontextentity: ignore,
      onend: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  const errors = checker.findings.errors;
  return errors.length === 0 ? { approved: true } : { approved: false, errors };
}
