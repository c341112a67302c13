import { z } from 'zod';
import type { ChannelDef } from './define';
import { accessChannels } from './channels/access';
import { appChannels } from './channels/app';
import { archiveChannels } from './channels/archive';
import { authChannels } from './channels/auth';
import { composeChannels } from './channels/compose';
import { mailChannels } from './channels/mail';
import { notifyChannels } from './channels/notify';
import { actionChannels } from './channels/actions';
import type { AppEvent } from './events';

/**
 * The whole IPC contract: channel name → request and response schemas. The channel name is also the path of the
 * function on `window.digitalPost` (`'auth.status'` → `window.digitalPost.auth.status()`).
 */
export const contract = {
  ...appChannels,
  ...archiveChannels,
  ...authChannels,
  ...mailChannels,
  ...composeChannels,
  ...notifyChannels,
  ...accessChannels,
  ...actionChannels,
} satisfies Record<string, ChannelDef>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type ChannelRequest<C extends ChannelName> = z.input<Contract[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.output<Contract[C]['response']>;

export const channelNames = Object.keys(contract) as ChannelName[];

/** Electron IPC names of contract channels carry this prefix (`dp:auth.status`), so no other `ipcMain` name collides. */
export const IPC_CHANNEL_PREFIX = 'dp:';
export const ipcChannelOf = (channel: ChannelName): string => `${IPC_CHANNEL_PREFIX}${channel}`;
export const isChannelName = (name: string): name is ChannelName =>
  Object.prototype.hasOwnProperty.call(contract, name);

type Namespace<C extends string> = C extends `${infer NS}.${string}` ? NS : never;
type Method<C extends string, NS extends string> = C extends `${NS}.${infer M}` ? M : never;
type Fn<C extends ChannelName> =
  undefined extends ChannelRequest<C>
    ? (request?: ChannelRequest<C>) => Promise<ChannelResponse<C>>
    : (request: ChannelRequest<C>) => Promise<ChannelResponse<C>>;

/** `window.digitalPost`: one async function per channel, grouped by namespace, plus the event stream. */
export type DigitalPostApi = {
  [NS in Namespace<ChannelName>]: { [M in Method<ChannelName, NS>]: Fn<`${NS}.${M}` & ChannelName> };
} & {
  events: { subscribe(listener: (event: AppEvent) => void): () => void };
};
