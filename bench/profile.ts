import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

// `--profile`: a V8 CPU profile of the page around one measured step, saved for DevTools, and its heaviest
// functions by self time for the console, so a missed target comes with where the time went.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time per function (ms), heaviest first; idle and the profiler's own bookkeeping left out. */
export const topSelfTime = (profile: CpuProfile, count: number): { fn: string; ms: number }[] => {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
    totals.set(key, (totals.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  return [...totals.entries()]
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms * 10) / 10 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
};

export const profileDuring = async <T>(
  page: Page,
  dir: string,
  name: string,
  step: () => Promise<T>,
): Promise<{ result: T; top: { fn: string; ms: number }[]; file: string }> => {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    const result = await step();
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    return { result, top: topSelfTime(profile, 8), file };
  } finally {
    await cdp.detach();
  }
};
