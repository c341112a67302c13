// Per-attribute decisions shared by the validator, the fixer and the display policy.
import type { AttributeRule, HtmlPolicy } from './html-policy';

const INTEGER = /^[0-9]+$/;

/** The rule for an attribute on an element, or undefined when the attribute is not on the list for it. */
export function attributeRule(policy: HtmlPolicy, element: string, attribute: string): AttributeRule | undefined {
  // Own-property lookups only: element and attribute names come from untrusted markup ("constructor", "__proto__").
  const perElement = Object.hasOwn(policy.elementAttributes, element) ? policy.elementAttributes[element] : undefined;
  if (perElement && Object.hasOwn(perElement, attribute)) return perElement[attribute];
  return Object.hasOwn(policy.globalAttributes, attribute) ? policy.globalAttributes[attribute] : undefined;
}

/** Every attribute name the policy allows anywhere: DOMPurify's first cut, before the per-element rules decide. */
export function attributeNames(policy: HtmlPolicy): string[] {
  return [
    ...new Set([
      ...Object.keys(policy.globalAttributes),
      ...Object.values(policy.elementAttributes).flatMap((attrs) => Object.keys(attrs)),
    ]),
  ];
}

export function valueAllowed(rule: AttributeRule, value: string): boolean {
  if (rule.values && !rule.values.includes(value)) return false;
  if (rule.integer && !INTEGER.test(value)) return false;
  if (rule.urlPrefixes) {
    const url = value.trim().toLowerCase();
    if (!rule.urlPrefixes.some((prefix) => url.startsWith(prefix))) return false;
  }
  return true;
}
