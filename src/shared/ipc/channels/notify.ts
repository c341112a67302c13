import type { ChannelDef } from '../define';

// Channels of this domain are added here (see src/shared/ipc/contract.ts).
export const notifyChannels = {} satisfies Record<string, ChannelDef>;
