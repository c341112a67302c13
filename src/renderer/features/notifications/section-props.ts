import type { AccessIntent, AccessView } from '../../../shared/ipc/channels/notify';
import type { SaveResult } from '../../store/notifications';

/** What every section of one access's notification settings is given: the access, and the one way to change it. */
export interface AccessSectionProps {
  access: AccessView;
  /** The user may not edit this part: read-only access, or (for the subscriptions) opted out of Digital Post. */
  disabled: boolean;
  onChange: (c: AccessIntent) => Promise<SaveResult>;
}
