import { EVENT_LOG_DEFAULT_DAYS, EVENT_LOG_MAX_MONTHS, addUtcMonths } from '../../../shared/dp/events';
import { EVENT_LOG_RANGE_REFUSAL } from '../../../shared/dp/assumptions';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { localRefusal, type UiError } from '../../lib/ui-error';

// The date fields speak in whole local days; Digital Post takes instants (§7.1.1). A day range becomes the first
// instant of the from-day to the last of the to-day, never later than now, and never more than three months after
// the start, so choosing 4 August to 4 November is allowed as Digital Post's own example is.

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-MM-dd of a local day, as <input type="date"> holds it. */
export const dayOf = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export const defaultDays = (now: Date): { from: string; to: string } => ({
  from: dayOf(new Date(now.getTime() - EVENT_LOG_DEFAULT_DAYS * DAY)),
  to: dayOf(now),
});

const startOfDay = (day: string): Date => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
};

/** The instants to ask for, or the refusal Digital Post would give, made before any request. */
export const rangeOf = (
  from: string,
  to: string,
  now: Date,
): { ok: true; dateFrom: string; dateTo: string } | { ok: false; error: UiError } => {
  const start = startOfDay(from);
  const lastDay = startOfDay(to);
  if (Number.isNaN(start.getTime()) || Number.isNaN(lastDay.getTime()))
    return { ok: false, error: localRefusal(APP_ERROR_CODES.queryDateInvalid, 'eventLog.rangeOrder') };
  // Whole local days: the to-day may be at most three calendar months after the from-day (the same day number,
  // or the month's last day), whatever daylight saving does to the instants in between.
  if (lastDay.getTime() < start.getTime())
    return { ok: false, error: localRefusal(APP_ERROR_CODES.queryDateInvalid, 'eventLog.rangeOrder') };
  const monthsOn = new Date(start.getFullYear(), start.getMonth() + EVENT_LOG_MAX_MONTHS + 1, 0);
  const lastAllowed = new Date(
    monthsOn.getFullYear(),
    monthsOn.getMonth(),
    Math.min(start.getDate(), monthsOn.getDate()),
  );
  if (lastDay.getTime() > lastAllowed.getTime())
    return { ok: false, error: localRefusal(EVENT_LOG_RANGE_REFUSAL.value, 'eventLog.rangeTooLong') };
  const endOfDay = new Date(lastDay.getTime() + DAY - 1);
  // Digital Post counts instants: never ask for more than three months of them.
  const limit = addUtcMonths(start, EVENT_LOG_MAX_MONTHS);
  const end = new Date(Math.min(endOfDay.getTime(), now.getTime(), limit.getTime()));
  return {
    ok: true,
    dateFrom: start.toISOString(),
    dateTo: new Date(Math.max(end.getTime(), start.getTime())).toISOString(),
  };
};
