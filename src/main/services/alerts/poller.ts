import { z } from 'zod';
import { mailboxesPath, messagesPath } from '../dp-client/api-paths';
import type { DpClient } from '../dp-client/dp-client';
import type { EventHub, PlatformHooks } from '../platform';
import type { AlertPrefs } from './prefs';

export const DEFAULT_ALERT_INTERVAL_MS = 60_000;
/** Even a test cannot make the poller hammer the server. */
export const MIN_ALERT_INTERVAL_MS = 500;
/** The mailbox list changes rarely (a new power of attorney); it is re-read every this many polls. */
const MAILBOX_REFRESH_POLLS = 10;

const MailboxPageSchema = z.looseObject({ mailboxes: z.array(z.looseObject({ id: z.string() })).optional() });
const NewestSchema = z.looseObject({
  totalElements: z.number().int().optional(),
  messages: z
    .array(
      z.looseObject({
        id: z.string(),
        label: z.string().optional(),
        messageDateTime: z.string().optional(),
        createdDateTime: z.string().optional(),
        sender: z.looseObject({ label: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});

export interface AlertPollerOptions {
  api: Pick<DpClient, 'get'>;
  events: Pick<EventHub, 'emit'>;
  hooks: Pick<PlatformHooks, 'showNotification' | 'setBadgeCount'>;
  prefs: Pick<AlertPrefs, 'isEnabled'>;
  intervalMs?: number;
  now?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

interface Seen {
  /** Newest message time we have accounted for (ms); anything unread and newer is new post. */
  since: number;
  ids: Set<string>;
}

const timeOf = (m: { messageDateTime?: string | undefined; createdDateTime?: string | undefined }): number => {
  const t = Date.parse(m.messageDateTime ?? m.createdDateTime ?? '');
  return Number.isNaN(t) ? 0 : t;
};

/**
 * New-post alerts. Each poll costs one request per mailbox: its newest unread received message (size 1, newest
 * first), whose totalElements is also the mailbox's unread count for the badge. The first poll only sets the
 * baseline, so post that was already there never alerts; a message alerts once.
 */
export class AlertPoller {
  readonly intervalMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private polls = 0;
  private mailboxIds: string[] = [];
  private readonly seen = new Map<string, Seen>();
  private readonly unread = new Map<string, number>();
  private focus: { mailboxId: string | null; focused: boolean } = { mailboxId: null, focused: false };
  private startedAt = 0;
  private inFlight: Promise<void> | undefined;
  /** Bumped by stop(), so a poll still running from an earlier session never reschedules itself. */
  private generation = 0;

  constructor(private readonly options: AlertPollerOptions) {
    this.intervalMs = Math.max(MIN_ALERT_INTERVAL_MS, options.intervalMs ?? DEFAULT_ALERT_INTERVAL_MS);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.startedAt = this.now();
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    this.generation += 1;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.seen.clear();
    this.unread.clear();
    this.mailboxIds = [];
    this.polls = 0;
    this.options.hooks.setBadgeCount?.(0);
  }

  setFocus(mailboxId: string | null, focused: boolean): void {
    this.focus = { mailboxId, focused };
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    const generation = this.generation;
    this.timer = setTimeout(() => {
      this.inFlight = this.pollOnce()
        .catch((err: unknown) => this.options.log?.('New-post poll failed', err))
        .finally(() => {
          if (generation === this.generation) this.schedule(this.intervalMs);
        });
    }, ms);
  }

  /** For tests: wait for a poll that a timer started. */
  async settled(): Promise<void> {
    await this.inFlight;
  }

  async pollOnce(): Promise<void> {
    if (this.polls % MAILBOX_REFRESH_POLLS === 0 || this.mailboxIds.length === 0) await this.refreshMailboxes();
    this.polls += 1;
    for (const mailboxId of this.mailboxIds) {
      if (!this.running) return;
      try {
        await this.pollMailbox(mailboxId);
      } catch (err) {
        this.options.log?.('New-post poll of a mailbox failed', err);
      }
    }
    if (!this.running) return;
    const total = [...this.unread.values()].reduce((a, b) => a + b, 0);
    this.options.hooks.setBadgeCount?.(total);
    this.options.events.emit({ type: 'mail.unread', total });
  }

  private async refreshMailboxes(): Promise<void> {
    const res = await this.options.api.get<unknown>(mailboxesPath(), { query: { page: 0, size: 100 } });
    const page = MailboxPageSchema.safeParse(res.data);
    this.mailboxIds = page.success ? (page.data.mailboxes ?? []).map((m) => m.id) : [];
    for (const id of [...this.seen.keys()]) if (!this.mailboxIds.includes(id)) this.seen.delete(id);
  }

  private async pollMailbox(mailboxId: string): Promise<void> {
    const res = await this.options.api.get<unknown>(messagesPath(mailboxId), {
      query: { size: 1, sortFields: 'messageDateTime:desc', read: false, messageState: 'RECEIVED' },
    });
    const page = NewestSchema.parse(res.data ?? {});
    const newest = page.messages?.[0];
    this.unread.set(mailboxId, page.totalElements ?? page.messages?.length ?? 0);
    const seen = this.seen.get(mailboxId);
    if (!seen) {
      // Baseline: nothing that is already there alerts, nor an old letter marked unread later.
      this.seen.set(mailboxId, {
        since: Math.max(newest ? timeOf(newest) : 0, this.startedAt),
        ids: new Set(newest ? [newest.id] : []),
      });
      return;
    }
    if (!newest || seen.ids.has(newest.id) || timeOf(newest) < seen.since) return;
    seen.ids.add(newest.id);
    seen.since = Math.max(seen.since, timeOf(newest));
    if (!this.options.prefs.isEnabled(mailboxId)) return;
    const senderLabel = newest.sender?.label ?? 'Digital Post';
    const label = newest.label ?? '';
    this.options.events.emit({ type: 'mail.new', mailboxId, messageId: newest.id, senderLabel, label });
    const reading = this.focus.focused && this.focus.mailboxId === mailboxId;
    if (reading) return;
    this.options.hooks.showNotification?.({
      title: `Ny post fra ${senderLabel}`,
      body: label,
      onClick: () => this.options.events.emit({ type: 'mail.open', mailboxId, messageId: newest.id }),
    });
  }
}
