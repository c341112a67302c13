// Bundled by bench/validator-bench.ts for the benchmark page only (never part of the app): the STRICT validator
// and its baseline, DOMPurify told the same STRICT element and attribute lists, timed in the same page on the
// same input.
import DOMPurify from 'dompurify';
import { validateStrictHtml } from '../../src/shared/html/validate-strict';
import { STRICT_POLICY } from '../../src/shared/html/strict-policy';
import { STRICT_ELEMENT_ATTRIBUTES } from '../../src/shared/html/strict-whitelist';
import { generateLetterHtml } from '../html-fixture';

const ALLOWED_ATTR = [
  ...new Set([
    ...Object.keys(STRICT_POLICY.globalAttributes),
    ...Object.values(STRICT_ELEMENT_ATTRIBUTES).flatMap((r) => Object.keys(r)),
  ]),
];
const PURIFY_CONFIG = {
  ALLOWED_TAGS: [...STRICT_POLICY.elements],
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: true,
};

export interface ValidatorBenchApi {
  /** Generates the letter inside the page (so no 10 MB string crosses the protocol) and returns its length. */
  prepare(bytes: number): number;
  /** ms for one STRICT validation of the prepared letter; throws if the verdict is not what the fixture promises. */
  validate(): number;
  /** ms for one DOMPurify sanitize of the prepared letter to a string. */
  sanitize(): number;
}

let html = '';
const purify = DOMPurify(window);

const api: ValidatorBenchApi = {
  prepare(bytes) {
    html = generateLetterHtml({ bytes });
    return html.length;
  },
  validate() {
    const t0 = performance.now();
    const verdict = validateStrictHtml(html);
    const ms = performance.now() - t0;
    if (!verdict.approved) throw new Error(`fixture not STRICT: ${JSON.stringify(verdict.errors.slice(0, 3))}`);
    return ms;
  },
  sanitize() {
    const t0 = performance.now();
    const out = purify.sanitize(html, PURIFY_CONFIG);
    const ms = performance.now() - t0;
    if (out.length === 0) throw new Error('DOMPurify returned nothing');
    return ms;
  },
};

(window as unknown as { __validatorBench: ValidatorBenchApi }).__validatorBench = api;
