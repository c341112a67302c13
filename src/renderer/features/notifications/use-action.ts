import { useCallback, useRef, useState } from 'react';
import type { SaveResult } from '../../store/notifications';
import { toUiError, type UiError } from '../../lib/ui-error';

export interface RunOptions {
  /** Shown after a success, e.g. "Ændringen er gemt." */
  doneText?: string;
  /** E.g. empty the input; also after a successful retry. */
  onSuccess?: () => void;
}

export interface ActionState {
  busy: boolean;
  error: UiError | null;
  done: string | null;
  run(action: () => Promise<SaveResult>, options?: RunOptions): Promise<boolean>;
  /** Runs the last failed action again (the form still holds what the user typed). */
  retry(): void;
  fail(error: UiError): void;
}

/** One save at a time per section, its error kept until the next attempt, and a retry of exactly that save. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const last = useRef<{ action: () => Promise<SaveResult>; options: RunOptions } | null>(null);

  const run = useCallback(async (action: () => Promise<SaveResult>, options: RunOptions = {}) => {
    last.current = { action, options };
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await action();
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      setDone(options.doneText ?? null);
      options.onSuccess?.();
      return true;
    } catch (e) {
      setError(toUiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const retry = useCallback(() => {
    if (last.current) void run(last.current.action, last.current.options);
  }, [run]);
  const fail = useCallback((e: UiError) => {
    last.current = null;
    setDone(null);
    setError(e);
  }, []);
  return { busy, error, done, run, retry, fail };
}
