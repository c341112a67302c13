import { afterEach, beforeEach, vi } from 'vitest';
import { initI18n } from '../../../i18n';
import { render } from '../../../test/render';
import { installFakeApi } from '../../../test/fake-api';
import { installFakeCompose } from './fake-compose';

/**
 * The compose component tests' common ground: i18n, a fresh fake window.digitalPost per case, and mounts that are
 * unmounted after each case. Call once at the top of a test file.
 */
export function composeComponentEnv() {
  initI18n();
  const env = {} as { api: ReturnType<typeof installFakeApi>; compose: ReturnType<typeof installFakeCompose> };
  const cleanups: (() => void)[] = [];
  beforeEach(() => {
    env.api = installFakeApi();
    env.compose = installFakeCompose(env.api);
  });
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
    vi.useRealTimers();
  });
  const mount = (ui: Parameters<typeof render>[0]) => {
    const r = render(ui);
    cleanups.push(r.unmount);
    return r;
  };
  return { env, mount };
}
