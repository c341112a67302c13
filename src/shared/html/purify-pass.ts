import type { Config, DOMPurify, UponSanitizeAttributeHook } from 'dompurify';

/**
 * One DOMPurify pass that returns the cleaned tree, with an attribute hook of ours deciding each attribute. Hooks
 * belong to the instance, which the renderer shares, so ours is added for this call only and removed even when the
 * pass throws.
 */
export function purifyToDom(
  purify: DOMPurify,
  html: string,
  hook: UponSanitizeAttributeHook,
  config: Omit<Config, 'RETURN_DOM' | 'RETURN_DOM_FRAGMENT' | 'RETURN_TRUSTED_TYPE'>,
): Element {
  purify.addHook('uponSanitizeAttribute', hook);
  try {
    return purify.sanitize(html, { ...config, RETURN_DOM: true }) as Element;
  } finally {
    purify.removeHook('uponSanitizeAttribute', hook);
  }
}
