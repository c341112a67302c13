import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import type { ValidatorBenchApi } from './page/validator-page';
import { summarize, type BenchLine } from './stats';

const ENTRY = fileURLToPath(new URL('./page/validator-page.ts', import.meta.url));

const bundle = async (): Promise<string> => {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle');
  return file.text;
};

export interface ValidatorSize {
  /** Name part: `10mb` → strict_validate_10mb_ms. */
  label: string;
  bytes: number;
  runs: number;
  /** Unmeasured runs first (JIT, DOMPurify's first DOM); 0 when a smaller size already warmed the same code. */
  warmups: number;
}

/**
 * STRICT validation against DOMPurify in the same Chromium page: warm-ups of each, then the runs alternate
 * between the two so that background load (other processes on a shared machine) hits both alike.
 */
export const runValidatorBench = async (browser: Browser, sizes: readonly ValidatorSize[]): Promise<BenchLine[]> => {
  const script = await bundle();
  const context = await browser.newContext();
  const page = await context.newPage();
  const lines: BenchLine[] = [];
  try {
    await page.setContent('<!DOCTYPE html><html><head><title>bench</title></head><body></body></html>');
    await page.addScriptTag({ content: script });
    for (const size of sizes) {
      await page.evaluate(
        (bytes) => (window as unknown as { __validatorBench: ValidatorBenchApi }).__validatorBench.prepare(bytes),
        size.bytes,
      );
      const validate: number[] = [];
      const sanitize: number[] = [];
      for (let i = 0; i < size.warmups + size.runs; i += 1) {
        const v = await page.evaluate(() =>
          (window as unknown as { __validatorBench: ValidatorBenchApi }).__validatorBench.validate(),
        );
        const s = await page.evaluate(() =>
          (window as unknown as { __validatorBench: ValidatorBenchApi }).__validatorBench.sanitize(),
        );
        if (i < size.warmups) continue;
        validate.push(v);
        sanitize.push(s);
      }
      lines.push(summarize(`strict_validate_${size.label}_ms`, 'ms', validate, { baseline: sanitize }));
      lines.push(summarize(`dompurify_sanitize_${size.label}_ms`, 'ms', sanitize));
    }
  } finally {
    await context.close();
  }
  return lines;
};
