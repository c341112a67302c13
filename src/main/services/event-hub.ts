import type { AppEvent } from '../../shared/ipc/events';
import type { EventHub } from './platform';

/** Fan-out of main's events to the transports; a throwing listener must not starve the others. */
export const createEventHub = (log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e)): EventHub => {
  const listeners = new Set<(event: AppEvent) => void>();
  return {
    emit(event) {
      for (const l of [...listeners]) {
        try {
          l(event);
        } catch (err) {
          log('Event listener failed', err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
