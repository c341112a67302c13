import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import type { AuthStatus } from '../../../shared/ipc/channels/auth';
import { useArchiveStore } from './store/archive-store';

/**
 * Offline is one state with two sources: main started without a network and kept the person as an offline session
 * (`status.offline`), or a reading answer came from the archive because Digital Post could not be reached
 * (`archive.offline`). Either way, what needs Digital Post is disabled with the reason.
 */
export const isOffline = (status: AuthStatus | null | undefined, archiveOffline: boolean): boolean =>
  archiveOffline || status?.offline === true;

/** The one selector of "is offline" for components. */
export function useIsOffline(): boolean {
  const archiveOffline = useArchiveStore((s) => s.offline);
  const status = useAppStore((s) => s.status);
  return isOffline(status, archiveOffline);
}

/** Props that disable a control needing Digital Post while offline, with the reason as its tooltip and description. */
export interface OfflineDisabled {
  disabled?: boolean;
  title?: string;
  'aria-description'?: string;
}

export function useOfflineDisabled(): OfflineDisabled {
  const offline = useIsOffline();
  const { t } = useTranslation();
  if (!offline) return {};
  const reason = t('archive.needsConnection');
  return { disabled: true, title: reason, 'aria-description': reason };
}
