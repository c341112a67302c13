// The shape of an HTML policy (which elements, attributes and CSS a letter may carry), shared by STRICT, LENIENT and
// the display policy for received mail, so the validator, the fixer and DOMPurify's configuration read one vocabulary.

export interface AttributeRule {
  /** The value must be one of these (compared exactly, lower case). */
  readonly values?: readonly string[];
  /** The value must start with one of these (compared case-insensitively, after trimming). */
  readonly urlPrefixes?: readonly string[];
  /** The value must be a non-negative integer. */
  readonly integer?: true;
}

export type AttributeRules = Readonly<Record<string, AttributeRule>>;

/** One entry of OWASP's CssSchema: what values one property (or a function's `name()` arguments) may take. */
export interface CssPropertySchema {
  /** OWASP's CssSchema bits (CSS_BITS in strict-css-schema.ts): which kinds of token are allowed. */
  readonly bits: number;
  /** Identifiers, and the punctuation and numbers, allowed literally (lower case). */
  readonly literals: readonly string[];
  /** `name(` of an allowed function → the schema key its arguments are checked against. */
  readonly functions: Readonly<Record<string, string>>;
}

export interface CssPolicy {
  readonly properties: ReadonlySet<string>;
  /** An upper bound on identifiers for every property; `schema` then decides per property. */
  readonly keywords: ReadonlySet<string>;
  /**
   * Which values each property accepts. Digital Post's sanitizer checks values per property, so a keyword or a
   * number that is fine on one property (`color:red`) gets the declaration stripped on another (`margin:red`).
   */
  readonly schema: Readonly<Record<string, CssPropertySchema>>;
  /** CSS functions allowed inside property values, besides `url()`. */
  readonly functions: ReadonlySet<string>;
  /** What a `url()` inside a style may point at. */
  readonly urlPrefixes: readonly string[];
}

/** LENIENT: any property and value, only URLs to external resources are blocked. */
export interface OpenCssPolicy {
  readonly open: true;
  readonly blockedUrlPrefixes: readonly string[];
}

export interface HtmlPolicy {
  readonly name: 'STRICT' | 'LENIENT';
  readonly elements: ReadonlySet<string>;
  /** Attributes allowed on every element of the list. */
  readonly globalAttributes: AttributeRules;
  /** Attributes allowed on particular elements, with their value rules. */
  readonly elementAttributes: Readonly<Record<string, AttributeRules>>;
  /** Elements that are dropped when none of their attributes survive. */
  readonly dropWhenBare: ReadonlySet<string>;
  readonly comments: boolean;
  /** Whether a `<style>` element is allowed. */
  readonly styleElement: boolean;
  readonly css: CssPolicy | OpenCssPolicy;
}

/** An attribute allowed with any value. */
export const ANY_VALUE: AttributeRule = {};

export function rules(names: readonly string[], rule: AttributeRule = ANY_VALUE): Record<string, AttributeRule> {
  return Object.fromEntries(names.map((n) => [n, rule]));
}
