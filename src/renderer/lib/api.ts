import type { DigitalPostApi } from '../../shared/ipc/contract';

/** The one way renderer code reaches main; read lazily so tests can install a fake before each case. */
export const dp = (): DigitalPostApi => (window as unknown as { digitalPost: DigitalPostApi }).digitalPost;
