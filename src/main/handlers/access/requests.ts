import { ACCESS_REQUEST_STATES } from '../../../shared/dp/assumptions';
import {
  AccessRequestSchema,
  AccessRequestSearchResultSchema,
  type AccessRequest,
  type RequestParticipant,
} from '../../../shared/dp/access-requests';
import type { NewRequest, RequestAnswer, RequestLists, RequestView } from '../../../shared/ipc/channels/access';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault, isConflict } from '../../errors';
import type { DpClient } from '../../services/dp-client/dp-client';
import { accessRequestPath, accessRequestsPath } from './paths';

const maskCpr = (v: string | undefined): string | undefined =>
  v !== undefined && /^\d{10}$/.test(v) ? `${v.slice(0, 6)}****` : v;

const idOf = (p: RequestParticipant | undefined): string | undefined =>
  p?.citizenIdentityId ?? p?.identityId ?? p?.employeeIdentityId ?? p?.organisationIdentityId;

const nameOf = (p: RequestParticipant | undefined): string | undefined => {
  if (!p) return undefined;
  if (p.firstNameResolved) return p.firstNameResolved;
  const typed = [p.firstNameProvided, p.lastNameProvided].filter(Boolean).join(' ');
  return typed || maskCpr(p.externalId);
};

export const toRequestView = (r: AccessRequest): RequestView => {
  const requester = maskCpr(r.requester?.externalId);
  const accessTo = nameOf(r.accessTo);
  const targetState = r.target?.targetState;
  const created = r.submissionDateTime ?? r.createdDateTime;
  return {
    id: r.id,
    version: r.version,
    state: r.requestState,
    requestType: r.requestType,
    privileges: r.privileges ?? [],
    ...(requester ? { requester } : {}),
    ...(accessTo ? { accessTo } : {}),
    ...(targetState ? { targetState } : {}),
    ...(created ? { created } : {}),
    ...(r.rejectionReason ? { rejectionReason: r.rejectionReason } : {}),
  };
};

const unreadable = () =>
  new AppFault({
    code: APP_ERROR_CODES.internal,
    message: 'Digital Post svarede med en anmodning, appen ikke kan læse.',
  });

const parse = (data: unknown): AccessRequest => {
  const parsed = AccessRequestSchema.safeParse(data);
  if (!parsed.success) throw unreadable();
  return parsed.data;
};

/** The person's own requests, and those made to them (§11.20: the owner of the mailbox sees them once submitted). */
export const listRequests = async (api: DpClient, me: string, log: (m: string) => void): Promise<RequestLists> => {
  const res = await api.get<unknown>(accessRequestsPath(), { query: { size: 100 } });
  const body = AccessRequestSearchResultSchema.safeParse(res.data ?? {});
  const mine: RequestView[] = [];
  const toMe: RequestView[] = [];
  for (const raw of body.success ? (body.data.accessRequests ?? []) : []) {
    const parsed = AccessRequestSchema.safeParse(raw);
    if (!parsed.success) {
      log('An access request did not match the schema and was left out');
      continue;
    }
    const r = parsed.data;
    if (idOf(r.accessTo) === me) toMe.push(toRequestView(r));
    else if (idOf(r.requester) === me || idOf(r.target?.requestParticipant) === me) mine.push(toRequestView(r));
  }
  return { mine, toMe };
};

/** §11.19.1: citizen A asks citizen B (by CPR and names) for a privilege, submitted at once. */
export const createRequest = async (api: DpClient, me: string, input: NewRequest): Promise<RequestView> => {
  const res = await api.post<unknown>(accessRequestsPath(), {
    requestType: 'PRIVILEGE_REQUEST',
    requestState: 'SUBMITTED',
    requester: { citizenIdentityId: me },
    accessTo: {
      externalId: input.cpr,
      externalIdType: 'CPR',
      firstNameProvided: input.firstName,
      lastNameProvided: input.lastName,
    },
    privileges: [input.privilege],
    target: { requestParticipant: { citizenIdentityId: me } },
  });
  return toRequestView(parse(res.data));
};

const STATE_OF: Record<RequestAnswer, string> = {
  approve: 'APPROVED',
  reject: ACCESS_REQUEST_STATES.values.REJECTED,
  withdraw: ACCESS_REQUEST_STATES.values.WITHDRAWN,
};

/**
 * §11.21: the request is PUT back whole with its new requestState, If-Match its version. On 409 someone changed it
 * meanwhile: fetch again and put the same answer on what is there now, once.
 */
export const answerRequest = async (
  api: DpClient,
  id: string,
  answer: RequestAnswer,
  reason: string | undefined,
): Promise<RequestView> => {
  const attempt = async (): Promise<RequestView> => {
    const current = await api.get<unknown>(accessRequestPath(id));
    const request = parse(current.data);
    const body = {
      ...(current.data as Record<string, unknown>),
      requestState: STATE_OF[answer],
      ...(answer === 'reject' && reason ? { rejectionReason: reason } : {}),
    };
    const res = await api.put<unknown>(accessRequestPath(id), body, { ifMatch: current.version ?? request.version });
    return toRequestView(parse(res.data));
  };
  try {
    return await attempt();
  } catch (err) {
    if (!isConflict(err)) throw err;
    return attempt();
  }
};
