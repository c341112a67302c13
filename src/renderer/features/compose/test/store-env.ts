import i18next from 'i18next';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { createAppStore } from '../../../store';
import { initI18n } from '../../../i18n';
import { uiErrorText, type UiError } from '../../../lib/ui-error';
import { installFakeApi } from '../../../test/fake-api';
import { installFakeCompose } from './fake-compose';
import { attachErrorText } from '../lib/attach-error-text';

/**
 * The compose slice tests' common ground: fake timers, a fresh fake window.digitalPost and a fresh app store per case,
 * logged in with the first mailbox chosen. Call once at the top of a test file.
 */
export function composeStoreEnv() {
  initI18n();
  const env = {} as {
    api: ReturnType<typeof installFakeApi>;
    compose: ReturnType<typeof installFakeCompose>;
    store: ReturnType<typeof createAppStore>;
  };
  beforeEach(async () => {
    vi.useFakeTimers();
    env.api = installFakeApi();
    env.compose = installFakeCompose(env.api);
    env.store = createAppStore();
    await env.store.getState().loadMailboxes();
    await env.store.getState().refreshStatus();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** An error as the Danish UI words it. */
  const danish = (error: UiError | null | undefined): string => (error ? uiErrorText(error, 'da') : '');
  /** The open composer's attachment errors as the Danish UI words them. */
  const attachWords = (): string[] =>
    (env.store.getState().compose?.attachErrors ?? []).map((e) =>
      attachErrorText(e, (key, options) => i18next.t(key, options ?? {}), danish),
    );
  /** Opens a new message and returns its session. */
  const open = async () => {
    expect(await env.store.getState().startNewMessage()).toBe(true);
    return env.store.getState().compose!;
  };
  return { env, danish, attachWords, open };
}
