// Every guess the project makes where the Technical Integration document prints nothing. The client must not depend
// on any of these: an unknown value is kept and shown neutrally, a missing field degrades the view, and a rule that
// would rest on a guess is left to Digital Post. The sandbox speaks these spellings by default and, in spec-minimal
// mode, drops or respells every one of them, so the e2e suite proves the client does not need them.

export interface Assumption {
  /** The section of the Technical Integration document the guess stands in for. */
  section: string;
  why: string;
}

/** §13.1 names main, additional and technical documents; only MAIN is printed as a documentType. */
export const DOCUMENT_TYPES = {
  section: '§13.1 Encoding formats (main / additional / technical documents)',
  values: { ADDITIONAL: 'ADDITIONAL', TECHNICAL: 'TECHNICAL' },
  why: 'Only "MAIN" appears in the examples; a document of any other type is an attachment.',
} as const satisfies Assumption & { values: Record<string, string> };

/** §6.1 lists the roles that reach a mailbox; only OWNER is printed as an accessType. */
export const ACCESS_TYPES = {
  section: '§6.1 Mailbox services, roles',
  values: {
    FULL_POWER_OF_ATTORNEY: 'FULL_POWER_OF_ATTORNEY',
    LEGAL_REPRESENTATIVE_READER: 'LEGAL_REPRESENTATIVE_READER',
    ESTATE_ADMINISTRATOR: 'ESTATE_ADMINISTRATOR',
    EMPLOYEE: 'EMPLOYEE',
  },
  why: 'The roles are named in prose only; the accessType spellings of the non-owner roles are ours.',
} as const satisfies Assumption & { values: Record<string, string> };

/** §8.5.1 prints ownerType CITIZEN; a CVR-owned mailbox has no printed spelling. */
export const OWNER_TYPES = {
  section: '§8.5.1 Mailbox example (ownerType)',
  values: { COMPANY: 'COMPANY' },
  why: 'Only CITIZEN is printed; the company spelling is ours.',
} as const satisfies Assumption & { values: Record<string, string> };

/**
 * What each assumed access type may do. Digital Post enforces it; the client does not gate actions on it (only
 * OWNER is printed), only the sandbox uses it to refuse like Digital Post would.
 */
export const ACCESS_CAPABILITIES = {
  section: '§6.1 roles, §6.13.5 legal representatives',
  values: {
    OWNER: { write: true, moveToDeleted: true, manageNotifications: true },
    FULL_POWER_OF_ATTORNEY: { write: true, moveToDeleted: true, manageNotifications: true },
    LEGAL_REPRESENTATIVE_READER: { write: false, moveToDeleted: false, manageNotifications: true },
    ESTATE_ADMINISTRATOR: { write: false, moveToDeleted: false, manageNotifications: true },
    EMPLOYEE: { write: true, moveToDeleted: true, manageNotifications: false },
  },
  why: 'The document describes a reader role in prose but prints no capability table.',
} as const satisfies Assumption & {
  values: Record<string, { write: boolean; moveToDeleted: boolean; manageNotifications: boolean }>;
};

/** The mailbox examples (§8.5.1) carry no display name of the owner. */
export const OWNER_NAME_FIELD = {
  section: '§8.5.1 Mailbox example',
  value: 'ownerName',
  why: 'Nothing printed names the owner; without it the client names a mailbox from what it knows.',
} as const satisfies Assumption & { value: string };

/** The mailbox examples print no owner id either. */
export const OWNER_ID_FIELD = {
  section: '§8.5.1 Mailbox example',
  value: 'ownerId',
  why: 'A masked CPR/CVR of the owner helps tell mailboxes apart; it is not printed.',
} as const satisfies Assumption & { value: string };

/** Only a marker on the message could say it is a legal notification (forkyndelse); none is printed. */
export const LEGAL_NOTIFICATION_MARKER = {
  section: '§6.16.1 State/action matrix (Mark legally notified), error message.update.legallyNotified.not.allowed',
  value: 'legalNotification',
  why: 'legallyNotified is printed, the field telling a forkyndelse apart is not; Digital Post refuses the others.',
} as const satisfies Assumption & { value: string };

/** §6.6 names the folder summary endpoint; its JSON is not printed. */
export const FOLDER_SUMMARY_SHAPE = {
  section: '§6.6 Folders (GET /mailboxes/{id}/folders/summary)',
  values: {
    rowKeys: ['folders', 'folderSummaries', 'summaries', 'folderSummary'],
    total: 'totalMessages',
    unread: 'unreadMessages',
  },
  why: 'The endpoint is named with what it holds; the client adds counts where it answers and shows folders without.',
} as const satisfies Assumption & { values: Record<string, unknown> };

/** §6.1 names the sender information endpoint and what it holds; its JSON is not printed. */
export const SENDER_INFORMATION_SHAPE = {
  section: '§6.1 Sender information',
  values: { rowKeys: ['senders', 'senderInformation', 'senderInformations', 'content'] },
  why: 'Read leniently; where nothing parses, the overview falls back to the senders of the message list.',
} as const satisfies Assumption & { values: Record<string, unknown> };

/** Subscriptions print `confirmationTime` (error codes §15); a boolean `verified` is our shortcut in the sandbox. */
export const SMS_VERIFIED_FLAG = {
  section: '§6.9.1 Update access, error codes access.smsNotificationSubscription.confirmationTime.*',
  value: 'verified',
  why: 'confirmationTime is the printed marker of a verified number; the boolean is kept only as a fallback.',
} as const satisfies Assumption & { value: string };

/** Opting out is printed as `optedOutOfNotificationsDateTime`; a boolean `optOut` is our shortcut. */
export const OPT_OUT_FLAG = {
  section: '§6.9.1 Update access, error code access.optedOutOfNotificationsDateTime.isInAFuture',
  value: 'optOut',
  why: 'The date field is the printed one; the boolean is kept only as a fallback.',
} as const satisfies Assumption & { value: string };

/**
 * Documents print `actions: []` in every §6 example; the action object itself is not printed. Printed around it are
 * only the codes message.document.actionStatus.empty ("StatusCode" inside "ActionStatus"),
 * message.document.actions.status.of.additionalActionStatusData.exceeded and memo.document.action.entrypoint.invalid
 * (an EntryPoint URL, https). The field names and action codes below follow the MeMo Action element those codes
 * name; every one of them is a guess.
 */
export const DOCUMENT_ACTION_SHAPE = {
  section: '§6 Message examples 5676–6989 (documents[].actions), error codes 13059–13063 and 13573',
  value: 'actions',
  values: {
    fields: {
      code: 'actionCode',
      label: 'label',
      url: 'entryPoint',
      start: 'startDateTime',
      end: 'endDateTime',
      place: 'location',
      /** For anything but an appointment, endDateTime is the last day to act; a separate deadline field wins. */
      deadline: 'deadlineDateTime',
      status: 'actionStatus',
      statusCode: 'statusCode',
    },
    codes: { payment: 'BETALING', selfService: 'SELVBETJENING', appointment: 'AFTALE', information: 'INFORMATION' },
  },
  why: 'Read leniently: an action of unknown shape is ignored, the letter is always shown, a missing deadline shows none.',
} as const satisfies Assumption & { value: string; values: Record<string, unknown> };

/**
 * §16.3.4 maps three realms to their OneTimeUse realm; a realm enrolled outside that table (such as the sandbox's own)
 * has no printed OneTimeUse value. The registration's `oneTimeUseIdp` overrides this, so the client never needs it.
 */
export const ONE_TIME_USE_FALLBACK_REALM = {
  section: '§16.3.4 NemLog-in Realms, OneTimeUse idp values',
  values: { fallback: 'nemloginOneTimeUse' },
  why: "Only the public view clients', mit.dk's and e-Boks' realms are listed; for any other we use the public one.",
} as const satisfies Assumption & { values: Record<string, string> };

/** §12.1 says some requests take more tokens than others, and that telling them apart is Digital Post's own business. */
export const REQUEST_COSTS = {
  section: '§12.1 Rate-limiting (X-RateLimit-Requested-Tokens)',
  values: { fileContentDownload: 2, other: 1 },
  why: 'Only the sandbox charges these, so the client is tested against dear requests; the client charges what each answer reports.',
} as const satisfies Assumption & { values: Record<string, number> };

/** The folder codes (§13.4.1) print their {0}, not the limit behind it. */
export const FOLDER_LIMITS = {
  section: '§13.4.1 Folder codes (folder.createOrUpdate.*, folder.create.too.many.folders)',
  values: {
    maxNameLength: 100,
    maxLevels: 3,
    maxFolders: 100,
    illegalCharacters: ['/', '\\', '<', '>', ':', '"', '|', '?', '*'] as readonly string[],
  },
  why: 'The sandbox refuses by these, standing in for Digital Post; the client checks none of them and shows the refusal.',
} as const satisfies Assumption & { values: Record<string, unknown> };

/** §6.3 says a userActivity "with type REPLIED" or "FORWARDED" is added; the field holding that type is not printed. */
export const USER_ACTIVITY_TYPE_FIELD = {
  section: '§6.3 Messages service (send and forward add a userActivity of type REPLIED / FORWARDED)',
  value: 'userActivityType',
  why: 'Only empty userActivities arrays are printed; without the field an activity is kept and its kind left unknown.',
} as const satisfies Assumption & { value: string };

/** §7.1.1 prints the three-month maximum of an event-log query but no error code for a longer one. */
export const EVENT_LOG_RANGE_REFUSAL = {
  section: '§7.1.1 Default and configurable search interval (maximum range of 3 months)',
  value: 'eventLog.interval.tooLong',
  why: 'The rule is printed, its code is not; the client refuses a longer range before asking under this code.',
} as const satisfies Assumption & { value: string };

/**
 * §7.2 prints only a few subject/type/eventTag triples (MEMO VALIDATED, MESSAGE UPDATED_DRAFT, BUSINESS_RECEIPT
 * FAILED_REST); the sandbox seeds these others. The client shows any type verbatim and words only these.
 */
export const EVENT_TYPES = {
  section: '§7.2 Event Log Index Events ("Events In Event-log.xlsx" is not part of the document)',
  values: {
    messageReceived: { subject: 'MESSAGE', type: 'RECEIVED', eventTag: 'MESSAGE_RECEIVED' },
    messageRead: { subject: 'MESSAGE', type: 'READ', eventTag: 'MESSAGE_READ' },
    messageDeleted: { subject: 'MESSAGE', type: 'DELETED', eventTag: 'MESSAGE_DELETED' },
    accessCreated: { subject: 'ACCESS', type: 'CREATED', eventTag: 'ACCESS_CREATED' },
    accessDeleted: { subject: 'ACCESS', type: 'DELETED', eventTag: 'ACCESS_DELETED' },
    accessRequestCreated: { subject: 'ACCESS_REQUEST', type: 'CREATED', eventTag: 'ACCESS_REQUEST_CREATED' },
    accessRequestUpdated: { subject: 'ACCESS_REQUEST', type: 'UPDATED', eventTag: 'ACCESS_REQUEST_UPDATED' },
  },
  why: 'The full list lives in a spreadsheet outside the document; unknown types are kept and shown as sent.',
} as const satisfies Assumption & { values: Record<string, { subject: string; type: string; eventTag: string }> };

/** Only DRAFT, SUBMITTED and APPROVED are printed; the codes name a rejection, a withdrawal and a revocation. */
export const ACCESS_REQUEST_STATES = {
  section:
    '§11 Access requests; codes accessRequest.rejectionReason.required, accessRequest.withdrawal.illegal, accessRequest.revocationReason.required',
  values: { REJECTED: 'REJECTED', WITHDRAWN: 'WITHDRAWN', REVOKED: 'REVOKED' },
  why: 'The states exist by their error codes; their spellings are ours. An unknown state is shown as sent.',
} as const satisfies Assumption & { values: Record<string, string> };

/** Which privilege type (§9, §11) stands behind each assumed access type of a mailbox. */
export const PRIVILEGE_OF_ACCESS_TYPE = {
  section: '§9.10 Direct privilege, §11.3 Privilege requests',
  values: {
    FULL_POWER_OF_ATTORNEY: 'FULL_POWER_OF_ATTORNEY',
    LEGAL_REPRESENTATIVE_READER: 'LEGAL_REPRESENTATIVE',
    ESTATE_ADMINISTRATOR: 'EXECUTOR_OF_ESTATE',
  },
  why: 'LEGAL_REPRESENTATIVE and EXECUTOR_OF_ESTATE are printed privileges; how they map to access types is not.',
} as const satisfies Assumption & { values: Record<string, string> };

/** §6.1 names GET /mailboxes/trustees; the trustee object is not printed. */
export const TRUSTEE_FIELDS = {
  section: '§6.1 List trustees (GET /mailboxes/trustees)',
  values: { rowKeys: ['trustees', 'content'], name: 'name', identityId: 'identityId' },
  why: 'Read leniently; without a name the client names a trustee from the privileges the identity registry prints.',
} as const satisfies Assumption & { values: Record<string, unknown> };

/** One entry of the list: the section it stands in for, why, and the guessed field name or values. */
export type AssumptionEntry = Assumption & { value?: string; values?: unknown };

/** Everything above, for the README's "Known unknowns" and the sandbox's spec-minimal mode. */
export const ASSUMPTIONS: Readonly<Record<string, AssumptionEntry>> = {
  DOCUMENT_TYPES,
  ACCESS_TYPES,
  OWNER_TYPES,
  ACCESS_CAPABILITIES,
  OWNER_NAME_FIELD,
  OWNER_ID_FIELD,
  LEGAL_NOTIFICATION_MARKER,
  FOLDER_SUMMARY_SHAPE,
  SENDER_INFORMATION_SHAPE,
  SMS_VERIFIED_FLAG,
  OPT_OUT_FLAG,
  DOCUMENT_ACTION_SHAPE,
  FOLDER_LIMITS,
  USER_ACTIVITY_TYPE_FIELD,
  EVENT_LOG_RANGE_REFUSAL,
  EVENT_TYPES,
  ACCESS_REQUEST_STATES,
  PRIVILEGE_OF_ACCESS_TYPE,
  TRUSTEE_FIELDS,
  ONE_TIME_USE_FALLBACK_REALM,
  REQUEST_COSTS,
} as const;

export type AssumedCapabilities = { write: boolean; moveToDeleted: boolean; manageNotifications: boolean };
const READER: AssumedCapabilities = { write: false, moveToDeleted: false, manageNotifications: false };

/** The sandbox's table lookup; an access type it does not know gets reading only. */
export const assumedCapabilitiesOf = (accessType: string): AssumedCapabilities =>
  (ACCESS_CAPABILITIES.values as Record<string, AssumedCapabilities>)[accessType] ?? READER;
