import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './registry-harness.test-support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const validate = (html: string, query = '') => h.call(null, 'POST', `/validations/${query}`, { raw: html });

describe('POST /validations/ (§10.14.3)', () => {
  it('answers the documented rejection for a <link> under the default LENIENT policy', async () => {
    const res = await validate('<html><head><link rel="stylesheet" href="a.css"></head><body><p>Hej</p></body></html>');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'html.validator.rejected',
      message: 'Rejected: HTML validation using NgDP whitelist - LENIENT policy - found 1 errors.',
      fieldErrors: [
        {
          resource: 'errorMessage',
          code: 'html.validator.rejected.element',
          message:
            'Filen test indeholder element "link", som enten ikke tilladt eller som indeholder data, der ikke er tilladt.',
        },
      ],
    });
  });

  it('approves clean HTML with the documented body', async () => {
    const res = await validate('<html><body><h1>Brev</h1><p>Hej <b>Lone</b></p></body></html>', '?policy=STRICT');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'html.validator.approved',
      message: 'Approved: Html validation using NgDP whitelist - STRICT policy found 0 errors.',
      fieldErrors: [],
    });
  });

  it('lets LENIENT accept what only LENIENT allows and STRICT reject it', async () => {
    const html = '<html><body><!-- note --><pre class="x">kode</pre></body></html>';
    expect((await validate(html, '?policy=LENIENT')).status).toBe(200);
    const strict = await validate(html, '?policy=STRICT&filename=brev.html');
    expect(strict.status).toBe(400);
    expect(strict.body.fieldErrors.map((e: { code: string }) => e.code).sort()).toEqual([
      'html.validator.rejected.comments',
      'html.validator.rejected.element',
    ]);
    expect(
      strict.body.fieldErrors.find((e: { code: string }) => e.code === 'html.validator.rejected.element').message,
    ).toBe(
      'Filen brev.html indeholder element "pre", som enten ikke tilladt eller som indeholder data, der ikke er tilladt.',
    );
  });

  it('reports attributes and remote URLs under LENIENT', async () => {
    const res = await validate('<p onclick="x()" style="background:url(https://evil.example/a.png)">x</p>');
    expect(res.status).toBe(400);
    expect(res.body.fieldErrors.map((e: { code: string }) => e.code).sort()).toEqual([
      'html.validator.rejected.element.attributes',
      'html.validator.rejected.unknown-element',
    ]);
    expect(
      res.body.fieldErrors.find((e: { code: string }) => e.code === 'html.validator.rejected.element.attributes')
        .message,
    ).toBe(
      'Filen test indeholder element "p" med attribut "onclick", der enten ikke er tilladt attribut, eller som indeholder data, der ikke er tilladt.',
    );
  });

  it('refuses an unknown policy and a non-HTML body', async () => {
    expect((await validate('<p>x</p>', '?policy=LOOSE')).status).toBe(400);
    expect((await h.call(null, 'POST', '/validations/', { body: { html: '<p>x</p>' } })).status).toBe(415);
  });
});
