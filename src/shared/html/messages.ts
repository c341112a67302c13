// Danish texts of the HTML validator's rejections. Two wordings exist: the /validations/ endpoint and the error
// code list of §13.4.1 name the file ("Filen {0} ..."); a rejected file-content upload (§6.14) names only the element
// and uses `html.sanitizer.*` codes. The app shows the upload wording, which is what the user will meet if the upload
// fails; the /validations/ wording is available for the sandbox. The §13.4.1 texts live in dp/error-codes.ts.
import { DP_ERROR_MESSAGES } from '../dp/error-codes';
import { formatMessage } from '../dp/message-format';

export type StrictErrorCode =
  | 'html.validator.rejected.element'
  | 'html.validator.rejected.element.attributes'
  | 'html.validator.rejected.comments'
  | 'html.validator.rejected.unknown-element';

/** The codes a rejected file-content upload carries (§6.14) for the same findings. */
export const UPLOAD_CODES: Readonly<Record<StrictErrorCode, string>> = {
  'html.validator.rejected.element': 'html.sanitizer.rejected.element',
  'html.validator.rejected.element.attributes': 'html.sanitizer.rejected.element.attributes',
  'html.validator.rejected.comments': 'html.sanitizer.rejected.comments',
  'html.validator.rejected.unknown-element': 'html.sanitizer.rejected.unknown-element',
};

/** §6.14 wording; {0} = element, {1} = attribute. */
const UPLOAD_MESSAGES: Readonly<Partial<Record<StrictErrorCode, string>>> = {
  'html.validator.rejected.element': 'Elementet "{0}" indeholder html der ikke accepteres af Digital Post.',
  'html.validator.rejected.element.attributes':
    'Elementet "{0}" indeholder attribut "{1}" der ikke accepteres af Digital Post.',
};

/** The /validations/ wording (§13.4.1) for a finding in the named file. */
export function validationsMessage(code: StrictErrorCode, filename: string, element = '', attribute = ''): string {
  return formatMessage(DP_ERROR_MESSAGES[code], [filename, element, attribute]);
}

/**
 * The upload wording (§6.14). Digital Post prints it only for elements and attributes; comments and URLs fall back
 * to the §13.4.1 text without a file name ("Filen indeholder ...").
 */
export function uploadMessage(code: StrictErrorCode, element = '', attribute = ''): string {
  const template = UPLOAD_MESSAGES[code];
  if (template) return formatMessage(template, [element, attribute]);
  return formatMessage(DP_ERROR_MESSAGES[code], ['', element, attribute]).replace('Filen  ', 'Filen ');
}
