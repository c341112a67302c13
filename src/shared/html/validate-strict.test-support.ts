// What the STRICT validator's tests expect: Digital Post's verdicts and the exact texts of its §13.4.1 codes.
import { validateStrictHtml, type StrictVerdict } from './validate-strict';

export const approved: StrictVerdict = { approved: true };

export function errorsOf(html: string) {
  const verdict = validateStrictHtml(html);
  return verdict.approved ? [] : verdict.errors;
}

export const elementError = (element: string) => ({
  code: 'html.validator.rejected.element',
  message: `Elementet "${element}" indeholder html der ikke accepteres af Digital Post.`,
  element,
});

export const attributeError = (element: string, attribute: string) => ({
  code: 'html.validator.rejected.element.attributes',
  message: `Elementet "${element}" indeholder attribut "${attribute}" der ikke accepteres af Digital Post.`,
  element,
  attributes: [attribute],
});

export const COMMENTS_ERROR = {
  code: 'html.validator.rejected.comments',
  message: 'Filen indeholder kommentarer. Kommentarer er ikke tilladt.',
};
