import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_IDENTITIES } from '../../identities';
import { startApi, type ApiClient } from '../api-test-client.test-support';

// §11.18.3–11.21: Karl asks for LEGAL_REPRESENTATIVE to Lone's mailbox, Lone sees and approves it, and the privilege
// exists; the printed codes for what is refused; revoking a direct privilege (§9.2) takes the access away.

let api: ApiClient;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  await api.hook('POST', '/reset');
});

const karl = SANDBOX_IDENTITIES.find((i) => i.id === 'karl')!;
const lone = SANDBOX_IDENTITIES.find((i) => i.id === 'lone')!;

const requestBody = (over: Record<string, unknown> = {}) => ({
  requestType: 'PRIVILEGE_REQUEST',
  requestState: 'SUBMITTED',
  requester: { citizenIdentityId: karl.dpiid },
  accessTo: { externalId: lone.cpr, externalIdType: 'CPR', firstNameProvided: 'Lone', lastNameProvided: 'Defaultssen' },
  privileges: ['LEGAL_REPRESENTATIVE'],
  target: { requestParticipant: { citizenIdentityId: karl.dpiid } },
  ...over,
});
const codes = (body: { fieldErrors?: { code: string }[] }) => (body.fieldErrors ?? []).map((e) => e.code);

describe('access requests', () => {
  it('walks submit → seen by the owner → approved, and the target is granted', async () => {
    // Karl already holds a reader access to Lone's mailbox in the seed: take it away first.
    const groups = await api.request('lone', 'GET', `/identity-groups/?scope=${lone.dpiid}`);
    for (const g of groups.body.identityGroups)
      for (const p of g.privileges)
        expect((await api.request('lone', 'DELETE', `/privileges/direct/${p.id}`)).status).toBe(204);
    const created = await api.request('karl', 'POST', '/access-requests/', { body: requestBody() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      requestState: 'SUBMITTED',
      accessTo: { citizenIdentityId: lone.dpiid, firstNameResolved: lone.name },
      requester: { citizenIdentityId: karl.dpiid },
      submittedByIdentityId: karl.dpiid,
    });
    const incoming = await api.request('lone', 'GET', '/access-requests/');
    expect(incoming.body.accessRequests.map((r: { id: string }) => r.id)).toContain(created.body.id);
    expect((await api.request('mette', 'GET', `/access-requests/${created.body.id}`)).status).toBe(404);

    const approve = { ...created.body, requestState: 'APPROVED' };
    expect(
      (await api.request('karl', 'PUT', `/access-requests/${created.body.id}`, { body: approve, ifMatch: 0 })).status,
    ).toBe(403);
    const approved = await api.request('lone', 'PUT', `/access-requests/${created.body.id}`, {
      body: approve,
      ifMatch: 0,
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      requestState: 'APPROVED',
      version: 1,
      target: { targetState: 'GRANTED' },
      approvedByIdentityId: lone.dpiid,
    });
    const karlsMailboxes = await api.request('karl', 'GET', '/mailboxes/');
    expect(karlsMailboxes.body.mailboxes.some((m: { ownerName: string }) => m.ownerName === lone.name)).toBe(true);

    const again = await api.request('lone', 'PUT', `/access-requests/${created.body.id}`, {
      body: { ...approve, requestState: 'SUBMITTED' },
      ifMatch: 1,
    });
    expect(again.status).toBe(400);
    expect(codes(again.body)).toEqual(['accessRequest.requestState.invalidTransition']);
    expect(again.body.fieldErrors[0].message).toContain('APPROVED');
  });

  it('refuses a stale version with 409 and a rejection without a reason', async () => {
    const created = await api.request('karl', 'POST', '/access-requests/', { body: requestBody() });
    const stale = await api.request('lone', 'PUT', `/access-requests/${created.body.id}`, {
      body: { ...created.body, requestState: 'REJECTED' },
      ifMatch: 5,
    });
    expect(stale.status).toBe(409);
    const noReason = await api.request('lone', 'PUT', `/access-requests/${created.body.id}`, {
      body: { ...created.body, requestState: 'REJECTED' },
      ifMatch: 0,
    });
    expect(codes(noReason.body)).toEqual(['accessRequest.rejectionReason.required']);
    const rejected = await api.request('lone', 'PUT', `/access-requests/${created.body.id}`, {
      body: { ...created.body, requestState: 'REJECTED', rejectionReason: 'Nej tak' },
      ifMatch: 0,
    });
    expect(rejected.body).toMatchObject({ requestState: 'REJECTED', rejectionReason: 'Nej tak' });
  });

  it('refuses a request with the printed codes', async () => {
    const missing = await api.request('karl', 'POST', '/access-requests/', {
      body: { requestState: 'SUBMITTED', privileges: [] },
    });
    expect(codes(missing.body)).toEqual([
      'accessRequest.requestType.required',
      'accessRequest.requester.required',
      'accessRequest.accessTo.required',
      'accessRequest.target.required',
      'accessRequest.privilegesOrUserGroups.required',
    ]);
    const approvedAtOnce = await api.request('karl', 'POST', '/access-requests/', {
      body: requestBody({ requestState: 'APPROVED' }),
    });
    expect(codes(approvedAtOnce.body)).toEqual(['accessRequest.create.requestState.invalid']);
    const wrongName = await api.request('karl', 'POST', '/access-requests/', {
      body: requestBody({
        accessTo: {
          externalId: lone.cpr,
          externalIdType: 'CPR',
          firstNameProvided: 'Lene',
          lastNameProvided: 'Defaultssen',
        },
      }),
    });
    expect(codes(wrongName.body)).toEqual(['accessRequest.requestParticipant.identity.notFound']);
    const noNames = await api.request('karl', 'POST', '/access-requests/', {
      body: requestBody({ accessTo: { externalId: lone.cpr, externalIdType: 'CPR' } }),
    });
    expect(codes(noNames.body)).toEqual([
      'accessRequest.requestParticipant.firstNameProvided.required',
      'accessRequest.requestParticipant.lastNameProvided.required',
    ]);
    const badCpr = await api.request('karl', 'POST', '/access-requests/', {
      body: requestBody({
        accessTo: { externalId: '12345', externalIdType: 'CPR', firstNameProvided: 'A', lastNameProvided: 'B' },
      }),
    });
    expect(codes(badCpr.body)).toEqual(['accessRequest.requestParticipant.externalId.pattern']);
    const otherTarget = await api.request('karl', 'POST', '/access-requests/', {
      body: requestBody({ target: { requestParticipant: { citizenIdentityId: lone.dpiid } } }),
    });
    expect(codes(otherTarget.body)).toEqual(['accessRequest.target.requestParticipant.mustMatchRequester']);
    const onBehalf = await api.request('mette', 'POST', '/access-requests/', { body: requestBody() });
    expect(onBehalf.status).toBe(403);
  });

  it('lets the requester withdraw a submitted request but not a granted one, and delete only drafts', async () => {
    const draft = await api.request('karl', 'POST', '/access-requests/', {
      body: requestBody({ requestState: 'DRAFT' }),
    });
    expect((await api.request('lone', 'GET', `/access-requests/${draft.body.id}`)).status).toBe(404);
    expect((await api.request('karl', 'DELETE', `/access-requests/${draft.body.id}`)).status).toBe(204);
    const sent = await api.request('karl', 'POST', '/access-requests/', { body: requestBody() });
    const withdrawn = await api.request('karl', 'PUT', `/access-requests/${sent.body.id}`, {
      body: { ...sent.body, requestState: 'WITHDRAWN' },
      ifMatch: 0,
    });
    expect(withdrawn.body.requestState).toBe('WITHDRAWN');
    const deleteSent = await api.request('karl', 'DELETE', `/access-requests/${sent.body.id}`);
    expect(codes(deleteSent.body)).toEqual(['accessRequest.illegalModification']);
    const granted = await api.request('karl', 'POST', '/access-requests/', { body: requestBody() });
    await api.request('lone', 'PUT', `/access-requests/${granted.body.id}`, {
      body: { ...granted.body, requestState: 'APPROVED' },
      ifMatch: 0,
    });
    const late = await api.request('karl', 'PUT', `/access-requests/${granted.body.id}`, {
      body: { ...granted.body, requestState: 'WITHDRAWN' },
      ifMatch: 1,
    });
    expect(codes(late.body)).toEqual(['accessRequest.withdrawal.illegal']);
  });

  it('logs requests in the event log of both parties', async () => {
    await api.request('karl', 'POST', '/access-requests/', { body: requestBody() });
    const seen = await api.request('lone', 'GET', '/events/?subject=ACCESS_REQUEST');
    expect(seen.body.events[0].eventProperties).toMatchObject({
      privileges: 'LEGAL_REPRESENTATIVE',
      'access-to': lone.dpiid,
      target: karl.dpiid,
    });
    expect((await api.request('mette', 'GET', '/events/?subject=ACCESS_REQUEST')).body.events).toEqual([]);
  });
});

describe('privileges (§9)', () => {
  it("lists what Lone has given, and revoking one takes the holder's access away", async () => {
    const trustees = await api.request('lone', 'GET', '/mailboxes/trustees');
    expect(trustees.body.trustees).toEqual([expect.objectContaining({ identityId: karl.dpiid, name: karl.name })]);
    const groups = await api.request('lone', 'GET', `/identity-groups/?scope=${lone.dpiid}`);
    expect(groups.body.identityGroups).toEqual([
      expect.objectContaining({
        ownerId: karl.dpiid,
        privileges: [
          expect.objectContaining({ scopeId: lone.dpiid, issuerId: lone.dpiid, type: 'LEGAL_REPRESENTATIVE' }),
        ],
      }),
    ]);
    const id = groups.body.identityGroups[0].privileges[0].id;
    expect((await api.request('mette', 'DELETE', `/privileges/direct/${id}`)).status).toBe(403);
    expect((await api.request('lone', 'DELETE', `/privileges/direct/${id}`)).status).toBe(204);
    expect((await api.request('lone', 'DELETE', `/privileges/direct/${id}`)).status).toBe(404);
    const karls = await api.request('karl', 'GET', '/mailboxes/');
    expect(karls.body.mailboxes.some((m: { ownerName: string }) => m.ownerName === lone.name)).toBe(false);
    expect((await api.request('lone', 'GET', '/mailboxes/trustees')).body.trustees).toEqual([]);
    const log = await api.request('lone', 'GET', '/events/?subject=ACCESS');
    expect(log.body.events[0].eventProperties.granteeId).toBe(karl.dpiid);
  });
});
