import { z } from 'zod';
import { TRUSTEE_FIELDS } from '../../../shared/dp/assumptions';
import { IdentityGroupSchema, IdentityGroupSearchResultSchema } from '../../../shared/dp/access-requests';
import type { TrusteeView } from '../../../shared/ipc/channels/access';
import { isNotFound, isUnreadable } from '../../errors';
import type { DpClient } from '../../services/dp-client/dp-client';
import { directPrivilegePath, identityGroupsPath, trusteesPath } from './paths';

const Row = z.looseObject({
  id: z.string().optional(),
  accessType: z.string().optional(),
  createdDateTime: z.string().optional(),
  trusteeId: z.string().optional(),
});

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const maskCpr = (v: string | undefined): string | undefined =>
  v !== undefined && /^\d{10}$/.test(v) ? `${v.slice(0, 6)}****` : v;

/** The rows of an answer whose plural is not printed (TRUSTEE_FIELDS). */
const rowsOf = (data: unknown): unknown[] => {
  if (!data || typeof data !== 'object') return [];
  for (const key of TRUSTEE_FIELDS.values.rowKeys) {
    const rows = (data as Record<string, unknown>)[key];
    if (Array.isArray(rows)) return rows;
  }
  return [];
};

/** Leaves out what the person may not read (403/404) instead of failing the whole screen. */
const readable = async <T>(read: () => Promise<T>, fallback: T): Promise<T> => {
  try {
    return await read();
  } catch (err) {
    if (isUnreadable(err)) return fallback;
    throw err;
  }
};

interface Given {
  grantee: string;
  ids: string[];
  types: string[];
  since?: string;
}

/**
 * Who holds access to my mailbox: the trustees Digital Post lists, joined with the privileges I have given in the
 * identity registry (§9.13.2, scope = me), which are what can be revoked. A privilege no trustee row names still
 * gets a row of its own, so nothing revocable is hidden when the trustee rows say little.
 */
export const listTrustees = async (api: DpClient, me: string): Promise<TrusteeView[]> => {
  const [trusteeData, groupData] = await Promise.all([
    readable(async () => (await api.get<unknown>(trusteesPath(), { query: { size: 100 } })).data, undefined),
    readable(async () => (await api.get<unknown>(identityGroupsPath(), { query: { scope: me } })).data, undefined),
  ]);
  const given = new Map<string, Given>();
  const groups = IdentityGroupSearchResultSchema.safeParse(groupData ?? {});
  for (const raw of groups.success ? (groups.data.identityGroups ?? []) : []) {
    const group = IdentityGroupSchema.safeParse(raw);
    if (!group.success) continue;
    const grantee = group.data.ownerId ?? group.data.grantees?.[0]?.identityId ?? group.data.id;
    for (const p of group.data.privileges ?? []) {
      if (p.scopeId !== undefined && p.scopeId !== me) continue;
      const entry = given.get(grantee) ?? { grantee, ids: [], types: [] };
      entry.ids.push(p.id);
      if (p.type && !entry.types.includes(p.type)) entry.types.push(p.type);
      if (p.createdDate && !entry.since) entry.since = p.createdDate;
      given.set(grantee, entry);
    }
  }
  const out: TrusteeView[] = [];
  rowsOf(trusteeData).forEach((raw, i) => {
    const row = Row.safeParse(raw);
    if (!row.success) return;
    const record = raw as Record<string, unknown>;
    const identityId = str(record[TRUSTEE_FIELDS.values.identityId]);
    const name = str(record[TRUSTEE_FIELDS.values.name]);
    const match = identityId ? given.get(identityId) : undefined;
    if (match) given.delete(match.grantee);
    const maskedId = maskCpr(row.data.trusteeId);
    const since = row.data.createdDateTime ?? match?.since;
    out.push({
      key: row.data.id ?? identityId ?? `trustee-${i}`,
      ...(name ? { name } : {}),
      ...(maskedId ? { maskedId } : {}),
      ...(row.data.accessType ? { accessType: row.data.accessType } : {}),
      privilegeTypes: match?.types ?? [],
      privilegeIds: match?.ids ?? [],
      ...(since ? { since } : {}),
    });
  });
  for (const rest of given.values()) {
    out.push({
      key: rest.grantee,
      privilegeTypes: rest.types,
      privilegeIds: rest.ids,
      ...(rest.since ? { since: rest.since } : {}),
    });
  }
  return out;
};

/** §9.2 Delete Direct Privilege, one per id; one already gone counts as revoked. */
export const revokePrivileges = async (api: DpClient, ids: readonly string[]): Promise<void> => {
  for (const id of ids) {
    try {
      await api.delete(directPrivilegePath(id));
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
};
