// The JSON examples the Technical Integration document prints for answers a view client reads, copied from the
// text with the lines they came from, so the client's parsing and the sandbox's answers can be checked against them.
// Each file is the example as printed. Where the PDF extraction broke it, only that damage is repaired, as listed in
// `repairs`: non-breaking spaces between tokens, line breaks inside strings, page footers and a prose line printed
// into an example. Two slips of the document itself are repaired too, since they stop any JSON reader: the missing
// and the extra comma in the §8.5.1 mailbox, and the ". . ." that stands for 38 more contact groups in §5.6.
import searchResult from './search-result.json';
import searchResultPaging from './search-result-paging.json';
import errorSearchTooLong from './error-search-too-long.json';
import errorBulkSearch from './error-bulk-search.json';
import contactSearchResult from './contact-search-result.json';
import contact from './contact.json';
import organisationSearchResult from './organisation-search-result.json';
import contactPointSearchResult from './contact-point-search-result.json';
import contactGroupSearchResult from './contact-group-search-result.json';
import contactGroupsOfOrganisation from './contact-groups-of-organisation.json';
import messageSearchResult from './message-search-result.json';
import access from './access.json';
import messageDraftCreated from './message-draft-created.json';
import fileUploadAnswer from './file-upload-answer.json';
import messageToSend from './message-to-send.json';
import messageSent from './message-sent.json';
import messageReplyDraft from './message-reply-draft.json';
import messageForwardedEmail from './message-forwarded-email.json';
import messageForwardedCpr from './message-forwarded-cpr.json';
import errorInvalidHtmlUpload from './error-invalid-html-upload.json';
import errorSendWithoutContent from './error-send-without-content.json';
import errorReplyNotAllowed from './error-reply-not-allowed.json';
import mailbox from './mailbox.json';
import validationApproved from './validation-approved.json';
import validationRejected from './validation-rejected.json';

export interface SpecExample {
  /** Lines of digital-post-technical-integration.txt the example was copied from. */
  lines: string;
  section: string;
  /** What was repaired to make the printed text parse; absent when it parsed as printed. */
  repairs?: readonly string[];
  data: unknown;
}

export const SPEC_EXAMPLES = {
  'search-result': {
    lines: '1380-1387',
    section: '§3.3.2',
    repairs: ['non-breaking spaces outside strings made plain spaces'],
    data: searchResult,
  },
  'search-result-paging': { lines: '1065-1071', section: '§2.6.3', data: searchResultPaging },
  'error-search-too-long': {
    lines: '1584-1591',
    section: '§3.3.6',
    repairs: ['line breaks inside strings removed', 'a prose line the extraction put inside the example removed'],
    data: errorSearchTooLong,
  },
  'error-bulk-search': { lines: '2042-2053', section: '§4.3', data: errorBulkSearch },
  'contact-search-result': { lines: '2198-2227', section: '§4.5.2', data: contactSearchResult },
  contact: { lines: '2236-2257', section: '§4.5.3', data: contact },
  'organisation-search-result': {
    lines: '3308-3314',
    section: '§5.4',
    repairs: ['non-breaking spaces outside strings made plain spaces'],
    data: organisationSearchResult,
  },
  'contact-point-search-result': {
    lines: '3371-3377',
    section: '§5.4.2',
    repairs: ['non-breaking spaces outside strings made plain spaces'],
    data: contactPointSearchResult,
  },
  'contact-group-search-result': {
    lines: '3462-3468',
    section: '§5.4.4',
    repairs: ['non-breaking spaces outside strings made plain spaces'],
    data: contactGroupSearchResult,
  },
  'contact-groups-of-organisation': {
    lines: '3541-3586',
    section: '§5.6',
    repairs: ['the printed elision (". . .") of the other 38 groups removed and the list closed'],
    data: contactGroupsOfOrganisation,
  },
  'message-search-result': {
    lines: '5630-5636',
    section: '§6.8',
    repairs: ['non-breaking spaces outside strings made plain spaces'],
    data: messageSearchResult,
  },
  access: { lines: '5685-5695', section: '§6.9.1', data: access },
  'message-draft-created': { lines: '5779-5820', section: '§6.9.3', data: messageDraftCreated },
  'file-upload-answer': { lines: '6283-6287', section: '§6.12.1', data: fileUploadAnswer },
  'message-to-send': { lines: '6317-6366', section: '§6.13.1', data: messageToSend },
  'message-sent': { lines: '6370-6420', section: '§6.13.1', data: messageSent },
  'message-reply-draft': { lines: '6436-6531', section: '§6.13.2', data: messageReplyDraft },
  'message-forwarded-email': { lines: '6647-6766', section: '§6.13.6', data: messageForwardedEmail },
  'message-forwarded-cpr': { lines: '6793-6913', section: '§6.13.7', data: messageForwardedCpr },
  'error-invalid-html-upload': {
    lines: '7002-7027',
    section: '§6.14',
    repairs: ['line breaks inside strings removed', 'page footer lines removed'],
    data: errorInvalidHtmlUpload,
  },
  'error-send-without-content': {
    lines: '7064-7094',
    section: '§6.15',
    repairs: ['line breaks inside strings removed'],
    data: errorSendWithoutContent,
  },
  'error-reply-not-allowed': {
    lines: '7098-7118',
    section: '§6.16',
    repairs: ['line breaks inside strings removed', 'page footer lines removed'],
    data: errorReplyNotAllowed,
  },
  mailbox: {
    lines: '8255-8310',
    section: '§8.5.1',
    repairs: ['the comma missing after "FCM" added', 'the comma after the last list removed'],
    data: mailbox,
  },
  'validation-approved': {
    lines: '11343-11348',
    section: '§10.14.3',
    repairs: ['line breaks inside strings removed'],
    data: validationApproved,
  },
  'validation-rejected': {
    lines: '11353-11365',
    section: '§10.14.3',
    repairs: ['line breaks inside strings removed'],
    data: validationRejected,
  },
} as const satisfies Record<string, SpecExample>;

export type SpecExampleName = keyof typeof SPEC_EXAMPLES;

/** A deep copy, so a test that changes what it got cannot change the next test's fixture. */
export const specExample = (name: SpecExampleName): unknown => structuredClone(SPEC_EXAMPLES[name].data);
