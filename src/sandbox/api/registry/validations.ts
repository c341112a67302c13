import express, { Router, type Request } from 'express';
import { Parser } from 'htmlparser2';
import { DpHttpError } from '../../http/dp-error';
import { dpErrorMessage } from '../../../shared/dp/error-codes';
import { attributeRule, valueAllowed } from '../../../shared/html/attribute-rules';
import { LENIENT_POLICY } from '../../../shared/html/lenient-policy';
import { validateStrictHtml, type StrictErrorCode } from '../../../shared/html/validate-strict';

// POST /validations/?policy=STRICT|LENIENT (§10.14.3): HTML in, a verdict out, no token needed.

export type ValidationPolicy = 'STRICT' | 'LENIENT';

interface Finding {
  code: StrictErrorCode | 'html.validator.rejected';
  element?: string;
  attribute?: string;
}

/** The §10.14.3 example names the file "test" without the request naming it; `?filename=` overrides. */
const DEFAULT_FILENAME = 'test';

const remoteUrl = (css: string): boolean => {
  const blocked = LENIENT_POLICY.css.blockedUrlPrefixes;
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    const target = (match[2] ?? '').trim().toLowerCase();
    if (blocked.some((prefix) => target.startsWith(prefix)) || target.startsWith('//')) return true;
  }
  return /@import/i.test(css);
};

/**
 * LENIENT (§10.14.2) checked with the shared whitelist data: the shared module ships a STRICT validator only, and
 * LENIENT differs enough (comments, <style>, open CSS, more elements and attributes) that filtering STRICT's
 * findings would be wrong both ways.
 */
export const validateLenientHtml = (html: string): Finding[] => {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (finding: Finding) => {
    const key = `${finding.code}\u0000${finding.element ?? ''}\u0000${finding.attribute ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      findings.push(finding);
    }
  };
  let inStyle = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (!LENIENT_POLICY.elements.has(name)) return add({ code: 'html.validator.rejected.element', element: name });
        if (name === 'style') inStyle += 1;
        for (const [attribute, value] of Object.entries(attribs)) {
          if (attribute === 'style') {
            if (remoteUrl(value)) add({ code: 'html.validator.rejected.unknown-element', element: name });
            continue;
          }
          const rule = attributeRule(LENIENT_POLICY, name, attribute);
          if (!rule || !valueAllowed(rule, value))
            add({ code: 'html.validator.rejected.element.attributes', element: name, attribute });
        }
      },
      onclosetag(name) {
        if (name === 'style' && inStyle > 0) inStyle -= 1;
      },
      ontext(text) {
        if (inStyle > 0 && remoteUrl(text)) add({ code: 'html.validator.rejected.unknown-element', element: 'style' });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return findings;
};

const strictFindings = (html: string): Finding[] => {
  const verdict = validateStrictHtml(html);
  if (verdict.approved) return [];
  return verdict.errors.flatMap((e): Finding[] => {
    const attributes = e.attributes ?? [undefined];
    return attributes.map((attribute) => ({
      code: e.code,
      ...(e.element !== undefined ? { element: e.element } : {}),
      ...(attribute !== undefined ? { attribute } : {}),
    }));
  });
};

/**
 * The sandbox's stand-in for Digital Post refusing what the app's own STRICT validator approves ("data that is not
 * allowed", as html.validator.rejected.element words it): any element whose text or attribute names a host under
 * the reserved `.invalid` domain (RFC 2606). Only this endpoint judges so; uploads keep the shared validator, so a
 * client that asks for a second opinion before sending can be shown to obey it.
 */
const INVALID_HOST = /(?:^|[^a-z0-9.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.invalid(?![a-z0-9-])/i;
export const serverOnlyFindings = (html: string): Finding[] => {
  const findings: Finding[] = [];
  const open: string[] = [];
  const flag = (element: string | undefined) => {
    if (element && !findings.some((f) => f.element === element))
      findings.push({ code: 'html.validator.rejected.element', element });
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        open.push(name);
        if (Object.values(attribs).some((v) => INVALID_HOST.test(v))) flag(name);
      },
      onclosetag() {
        open.pop();
      },
      ontext(text) {
        if (INVALID_HOST.test(text)) flag(open[open.length - 1] ?? 'body');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return findings;
};

export const validateHtml = (html: string, policy: ValidationPolicy): Finding[] => {
  // Nothing to recognise as a document is the one finding both policies share.
  if (html.trim() === '') return [{ code: 'html.validator.rejected' }];
  return [...(policy === 'STRICT' ? strictFindings(html) : validateLenientHtml(html)), ...serverOnlyFindings(html)];
};

const policyOf = (req: Request): ValidationPolicy => {
  const value = req.query.policy ?? 'LENIENT';
  if (value === 'STRICT' || value === 'LENIENT') return value;
  throw new DpHttpError(400, 'IllegalArgumentException: policy must be STRICT or LENIENT');
};

export const createValidationRoutes = (): Router => {
  const router = Router();
  router.post('/validations', express.text({ type: ['text/html'], limit: '10mb' }), (req, res) => {
    const policy = policyOf(req);
    if (typeof req.body !== 'string')
      throw new DpHttpError(415, 'HttpMediaTypeNotSupportedException: Content-Type must be text/html');
    const filename =
      typeof req.query.filename === 'string' && req.query.filename !== '' ? req.query.filename : DEFAULT_FILENAME;
    const findings = validateHtml(req.body, policy);
    if (findings.length === 0) {
      res.json({
        code: 'html.validator.approved',
        message: `Approved: Html validation using NgDP whitelist - ${policy} policy found 0 errors.`,
        fieldErrors: [],
      });
      return;
    }
    res.status(400).json({
      code: 'html.validator.rejected',
      message: `Rejected: HTML validation using NgDP whitelist - ${policy} policy - found ${findings.length} errors.`,
      fieldErrors: findings.map((f) => ({
        resource: 'errorMessage',
        code: f.code,
        message: dpErrorMessage(f.code, filename, f.element ?? '', f.attribute ?? ''),
      })),
    });
  });
  return router;
};
