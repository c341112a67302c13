// Filters a `style` attribute against the STRICT CSS policy. Like the OWASP sanitizer, values are kept token by
// token: a property survives when at least one of its value tokens is acceptable, and the attribute survives when at
// least one declaration does. Which tokens are acceptable depends on the property, as in OWASP's CssSchema
// (strict-css-schema.ts): Digital Post strips `margin:red` although `color:red` is fine. The validator and the
// fixer both call this, which is what makes the fixer's output pass the validator.
import type { CssPolicy, CssPropertySchema } from './html-policy';
import { CSS_BITS } from './strict-css-schema';

export interface StrictStyleResult {
  /** The surviving declarations, normalised; '' when nothing survives. */
  readonly style: string;
  /** Declarations that were dropped entirely (property name, lower case). */
  readonly droppedProperties: readonly string[];
  /** A `url()` pointed somewhere other than an allowed data URI. */
  readonly remoteUrl: boolean;
}

/** What OWASP uses for a property (or function) it has no entry for: nothing is allowed. */
const DISALLOWED: CssPropertySchema = { bits: 0, literals: [], functions: {} };
const literalSets = new WeakMap<CssPropertySchema, ReadonlySet<string>>();

function literals(schema: CssPropertySchema): ReadonlySet<string> {
  let set = literalSets.get(schema);
  if (!set) {
    set = new Set(schema.literals);
    literalSets.set(schema, set);
  }
  return set;
}

const has = (schema: CssPropertySchema, bit: number): boolean => (schema.bits & bit) !== 0;

/** Font names: OWASP allows unlisted identifiers only where a property takes both strings and unreserved words. */
const NAME_BITS = CSS_BITS.STRING | CSS_BITS.UNRESERVED_WORD;
const takesNames = (schema: CssPropertySchema): boolean => (schema.bits & NAME_BITS) === NAME_BITS;

/**
 * OWASP keeps a quoted string only where exactly one of "URL" and "unreserved word" is allowed; as a name it must
 * be letters, digits, spaces and hyphens. Strings as URLs are refused here: stricter, and no mail needs them.
 */
function takesQuotedName(schema: CssPropertySchema): boolean {
  return (schema.bits & (CSS_BITS.URL | CSS_BITS.UNRESERVED_WORD)) === CSS_BITS.UNRESERVED_WORD;
}

const UNITS = new Set([
  '',
  '%',
  'px',
  'em',
  'rem',
  'ex',
  'ch',
  'pt',
  'pc',
  'cm',
  'mm',
  'in',
  'q',
  'vh',
  'vw',
  'vmin',
  'vmax',
  'deg',
  'rad',
  'grad',
  'turn',
  's',
  'ms',
  'hz',
  'khz',
  'dpi',
  'dpcm',
  'dppx',
  'fr',
]);

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(%|[a-z]{1,4})?$/i;
const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const PLAIN_NAME = /^[a-z_][a-z0-9_-]*$/i;
const SAFE_STRING = /^(?:"[a-z0-9 -]+"|'[a-z0-9 -]+')$/i;
const SAFE_DATA_URL = /^[^\s"'()\\<>]+$/;

type Token =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'punct'; readonly text: ',' | '/' }
  | { readonly kind: 'function'; readonly name: string; readonly args: string }
  | { readonly kind: 'junk' };

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
}

/** Index just past the quote that closes the string starting at `start`, or the end of input. */
function skipString(s: string, start: number): number {
  const quote = s[start];
  let i = start + 1;
  while (i < s.length && s[i] !== quote) i += s[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, s.length);
}

/** Index just past the `)` that closes the `(` at `open`, or -1 when unbalanced. */
function skipParens(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      i = skipString(s, i) - 1;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < value.length) {
    const c = value[i]!;
    if (isSpace(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const end = skipString(value, i);
      tokens.push({ kind: 'string', text: value.slice(i, end) });
      i = end;
    } else if (c === ',' || c === '/') {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c === '(' || c === ')') {
      const end = c === '(' ? skipParens(value, i) : -1;
      tokens.push({ kind: 'junk' });
      i = end === -1 ? i + 1 : end;
    } else {
      let j = i;
      while (j < value.length) {
        const d = value[j]!;
        if (isSpace(d) || d === ',' || d === '/' || d === '(' || d === ')' || d === '"' || d === "'") break;
        j++;
      }
      if (j === i) j++;
      const text = value.slice(i, j);
      if (value[j] === '(') {
        const end = skipParens(value, j);
        if (end === -1) {
          tokens.push({ kind: 'junk' });
          break;
        }
        tokens.push({ kind: 'function', name: text.toLowerCase(), args: value.slice(j + 1, end - 1) });
        i = end;
      } else {
        tokens.push({ kind: 'word', text });
        i = j;
      }
    }
  }
  return tokens;
}

interface Filtered {
  readonly parts: string[];
  /** Number of accepted tokens that carry a value (punctuation does not count). */
  accepted: number;
  rejected: number;
  remoteUrl: boolean;
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1).trim();
  return t;
}

function acceptWord(text: string, schema: CssPropertySchema, css: CssPolicy): string | null {
  const lower = text.toLowerCase();
  // STRICT's keyword list stays an upper bound; the property's own literals decide.
  if (css.keywords.has(lower) && literals(schema).has(lower)) return lower;
  const number = NUMBER.exec(text);
  if (number) {
    if (!UNITS.has((number[1] ?? '').toLowerCase())) return null;
    // As OWASP: a leading minus needs the "negative" bit and nothing else, anything else the "quantity" bit;
    // numbers listed literally (font-weight's 100…900) pass either way.
    const bit = text.startsWith('-') ? CSS_BITS.NEGATIVE : CSS_BITS.QUANTITY;
    return has(schema, bit) || literals(schema).has(lower) ? lower : null;
  }
  if (HEX_COLOUR.test(text)) return has(schema, CSS_BITS.HASH_VALUE) ? lower : null;
  if (takesNames(schema) && PLAIN_NAME.test(text)) return text;
  return null;
}

function filterTokens(tokens: readonly Token[], schema: CssPropertySchema, css: CssPolicy, out: Filtered): void {
  for (const token of tokens) {
    let kept: string | null = null;
    switch (token.kind) {
      case 'punct':
        // Punctuation never keeps a declaration alive, and OWASP drops it where the property doesn't list it.
        if (literals(schema).has(token.text)) out.parts.push(token.text);
        continue;
      case 'word':
        kept = acceptWord(token.text, schema, css);
        break;
      case 'string':
        kept = takesQuotedName(schema) && SAFE_STRING.test(token.text) ? token.text : null;
        break;
      case 'function':
        kept = acceptFunction(token.name, token.args, schema, css, out);
        break;
      case 'junk':
        kept = null;
        break;
    }
    if (kept === null) {
      out.rejected++;
    } else {
      out.parts.push(kept);
      out.accepted++;
    }
  }
}

function acceptFunction(
  name: string,
  args: string,
  schema: CssPropertySchema,
  css: CssPolicy,
  out: Filtered,
): string | null {
  if (name === 'url') {
    const target = unquote(args);
    const allowed = css.urlPrefixes.some((p) => target.toLowerCase().startsWith(p));
    if (!allowed) {
      // Reported whatever the property: a remote URL is a finding of its own, not just a dropped value.
      out.remoteUrl = true;
      return null;
    }
    if (!has(schema, CSS_BITS.URL)) return null;
    return SAFE_DATA_URL.test(target) ? `url("${target}")` : null;
  }
  if (!css.functions.has(name)) return null;
  const key = schema.functions[`${name}(`];
  if (key === undefined) {
    // Not allowed on this property, but a remote URL inside it is still reported.
    const ignored: Filtered = { parts: [], accepted: 0, rejected: 0, remoteUrl: false };
    filterTokens(tokenize(args), DISALLOWED, css, ignored);
    if (ignored.remoteUrl) out.remoteUrl = true;
    return null;
  }
  // A function is kept whole or not at all: half a gradient is worse than none. (OWASP keeps `name()` even when
  // its arguments are emptied; being stricter there only costs the sender a colour.)
  const inner: Filtered = { parts: [], accepted: 0, rejected: 0, remoteUrl: false };
  filterTokens(tokenize(args), css.schema[key] ?? DISALLOWED, css, inner);
  if (inner.remoteUrl) out.remoteUrl = true;
  if (inner.rejected > 0 || inner.accepted === 0) return null;
  return `${name}(${joinParts(inner.parts)})`;
}

/** Joins value parts, dropping punctuation that no longer separates two values. */
function joinParts(parts: readonly string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    const isPunct = part === ',' || part === '/';
    const last = out[out.length - 1];
    if (isPunct && (last === undefined || last === ',' || last === '/')) continue;
    out.push(part);
  }
  while (out.length > 0 && (out[out.length - 1] === ',' || out[out.length - 1] === '/')) out.pop();
  return out.join(' ').replace(/ ,/g, ',');
}

/** Splits a declaration block at `;` outside strings and parentheses. */
function splitDeclarations(style: string): string[] {
  const out: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < style.length; i++) {
    const c = style[i];
    if (c === '"' || c === "'") {
      i = skipString(style, i) - 1;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      if (depth > 0) depth--;
    } else if (c === ';' && depth === 0) {
      out.push(style.slice(start, i));
      start = i + 1;
    }
  }
  out.push(style.slice(start));
  return out;
}

const COMMENT = /\/\*[\s\S]*?(?:\*\/|$)/g;
const IMPORTANT = /!\s*important\s*$/i;

export function filterStrictStyle(style: string, css: CssPolicy): StrictStyleResult {
  const kept: string[] = [];
  const dropped: string[] = [];
  let remoteUrl = false;
  for (const declaration of splitDeclarations(style.replace(COMMENT, ' '))) {
    if (declaration.trim() === '') continue;
    const colon = declaration.indexOf(':');
    const property = (colon === -1 ? declaration : declaration.slice(0, colon)).trim().toLowerCase();
    const value = colon === -1 ? '' : declaration.slice(colon + 1).replace(IMPORTANT, '');
    const out: Filtered = { parts: [], accepted: 0, rejected: 0, remoteUrl: false };
    const schema = css.properties.has(property) ? (css.schema[property] ?? DISALLOWED) : DISALLOWED;
    filterTokens(tokenize(value), schema, css, out);
    if (out.remoteUrl) remoteUrl = true;
    if (colon !== -1 && css.properties.has(property) && out.accepted > 0) {
      kept.push(`${property}:${joinParts(out.parts)}`);
    } else {
      dropped.push(property);
    }
  }
  return { style: kept.join(';'), droppedProperties: dropped, remoteUrl };
}
