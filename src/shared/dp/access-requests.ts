import { z } from 'zod';

// Access requests (§11) and what the identity registry says about privileges (§9): printed field names and values
// only. States beyond the printed ones live in assumptions.ts (ACCESS_REQUEST_STATES).

/** Printed requestState values (§11.14–11.21). */
export const PRINTED_REQUEST_STATES = ['DRAFT', 'SUBMITTED', 'APPROVED'] as const;
/** Printed requestType values. */
export const REQUEST_TYPES = [
  'PRIVILEGE_REQUEST',
  'DELEGATION_REQUEST',
  'APPOINTED_DELEGATION_REQUEST',
  'SPECIAL_PRIVILEGIE_REQUEST',
  'USER_ADMIN_STATEMENT_OF_TRUTH_PRIVILEGE_REQUEST',
  'LEGAL_OWNER_OF_INACTIVE_OR_CLOSED_COMPANY_PRIVILEGE_REQUEST',
  'DELEGATED_SUPPORT_ADMIN_PRIVILEGE_REQUEST',
] as const;
/** §11.18.3: a citizen asks another citizen for this privilege. */
export const LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE';
/** §11.21.2: the target's state once the privileges are created. */
export const TARGET_GRANTED = 'GRANTED';

export const RequestParticipantSchema = z.looseObject({
  id: z.string().optional(),
  externalId: z.string().optional(),
  externalIdType: z.string().optional(),
  citizenIdentityId: z.string().optional(),
  organisationIdentityId: z.string().optional(),
  employeeIdentityId: z.string().optional(),
  identityId: z.string().optional(),
  firstNameProvided: z.string().optional(),
  lastNameProvided: z.string().optional(),
  firstNameResolved: z.string().optional(),
  emailAddress: z.string().optional(),
});
export type RequestParticipant = z.infer<typeof RequestParticipantSchema>;

export const AccessRequestSchema = z.looseObject({
  id: z.string(),
  version: z.number().int(),
  createdDateTime: z.string().optional(),
  lastUpdated: z.string().optional(),
  requestType: z.string(),
  requestState: z.string(),
  requester: RequestParticipantSchema.optional(),
  accessTo: RequestParticipantSchema.optional(),
  privileges: z.array(z.string()).optional(),
  target: z
    .looseObject({
      requestParticipant: RequestParticipantSchema.optional(),
      targetState: z.string().optional(),
    })
    .optional(),
  submissionDateTime: z.string().optional(),
  approvalDateTime: z.string().optional(),
  rejectionReason: z.string().optional(),
  revocationReason: z.string().optional(),
});
export type AccessRequest = z.infer<typeof AccessRequestSchema>;

export const AccessRequestSearchResultSchema = z.looseObject({
  totalPages: z.number().optional(),
  accessRequests: z.array(z.unknown()).optional(),
});

/** §9.13.1: an identity group with its grantees and privileges. */
export const IdentityGroupSchema = z.looseObject({
  id: z.string(),
  ownerId: z.string().optional(),
  issuerId: z.string().optional(),
  grantees: z.array(z.looseObject({ id: z.string().optional(), identityId: z.string().optional() })).optional(),
  privileges: z
    .array(
      z.looseObject({
        id: z.string(),
        issuerId: z.string().optional(),
        scopeId: z.string().optional(),
        type: z.string().optional(),
        createdDate: z.string().optional(),
      }),
    )
    .optional(),
});
export type IdentityGroup = z.infer<typeof IdentityGroupSchema>;

export const IdentityGroupSearchResultSchema = z.looseObject({
  totalPages: z.number().optional(),
  identityGroups: z.array(z.unknown()).optional(),
});

/** §11.20 / error code accessRequest.requestParticipant.externalId.pattern: a CPR is 10 digits. */
export const isCprNumber = (value: string): boolean => /^\d{10}$/.test(value);
