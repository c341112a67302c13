// Danish texts of the HTML validator's rejections. Two wordings exist: the /validations/ endpoint and the error
// code list of §13.4.1 name the file ("Filen {0} ..."); a rejected file-content upload (§6.14) names only the element
// and uses `html.sanitizer.*` codes. The app shows the upload wording, which is what the user will meet if the upload
// fails; the /validations/ wording is available for the sandbox.

export type StrictErrorCode =
  | 'html.validator.rejected.element'
  | 'html.validator.rejected.element.attributes'
  | 'html.validator.rejected.comments'
  | 'html.validator.rejected.unknown-element';

/** §13.4.1, "# Html validator". {0} = file name, {1} = element, {2} = attribute. */
export const VALIDATIONS_MESSAGES: Readonly<Record<StrictErrorCode | 'html.validator.rejected', string>> = {
  'html.validator.rejected': 'Filen {0} kunne ikke genkendes som et gyldigt html-dokument',
  'html.validator.rejected.comments': 'Filen {0} indeholder kommentarer. Kommentarer er ikke tilladt.',
  'html.validator.rejected.element':
    'Filen {0} indeholder element "{1}", som enten ikke tilladt eller som indeholder data, der ikke er tilladt.',
  'html.validator.rejected.element.attributes':
    'Filen {0} indeholder element "{1}" med attribut "{2}", der enten ikke er tilladt attribut, eller som ' +
    'indeholder data, der ikke er tilladt.',
  'html.validator.rejected.unknown-element':
    "Filen {0} indeholder url i en ikke godkendt placering. Det er sandsynligvis i en style attribut. Kun data url'er " +
    'er tilladt.',
};

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

export function fillPlaceholders(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => args[Number(index)] ?? whole);
}

/** The /validations/ wording (§13.4.1) for a finding in the named file. */
export function validationsMessage(
  code: StrictErrorCode,
  filename: string,
  element = '',
  attribute = '',
): string {
  return fillPlaceholders(VALIDATIONS_MESSAGES[code], [filename, element, attribute]);
}

/**
 * The upload wording (§6.14). Digital Post prints it only for elements and attributes; comments and URLs fall back
 * to the §13.4.1 text without a file name ("Filen indeholder ...").
 */
export function uploadMessage(code: StrictErrorCode, element = '', attribute = ''): string {
  const template = UPLOAD_MESSAGES[code];
  if (template) return fillPlaceholders(template, [element, attribute]);
  return fillPlaceholders(VALIDATIONS_MESSAGES[code], ['', element, attribute]).replace('Filen  ', 'Filen ');
}
