import type { Message } from '../../../shared/dp/resources';
import { validateStrictHtml } from '../../../shared/html/validate-strict';
import { AppFault } from '../../errors';
import type { DpClient } from '../../services/dp-client/dp-client';
import { validationsPath } from '../../services/dp-client/api-paths';
import { formatOfFile } from './content';
import { mainDocument, readFileText } from './drafts-read';

/** The printed verdict codes of POST /validations/ (§10.14.3); a refusal's findings come as fieldErrors. */
const REJECTED = 'html.validator.rejected';

const isRefusal = (err: unknown): err is AppFault =>
  err instanceof AppFault && err.appError.status === 400 && err.appError.code.startsWith(REJECTED);

/**
 * Before send, the draft's HTML as Digital Post holds it goes to `POST /validations/?policy=STRICT` (§10.14.3).
 * Digital Post's verdict wins: a refusal is thrown with its own code, message and findings, and nothing is sent.
 * Where it and the local STRICT validator (src/shared/html) disagree, the main log says so with the message and
 * file ids and the codes, never the words, so the local reading can be fixed. When the validator cannot be asked
 * (offline, an answer other than a verdict), the local verdict, already applied on every save, stands.
 */
export const askServerValidator = async (api: DpClient, m: Message, log: (msg: string) => void): Promise<void> => {
  const doc = mainDocument(m);
  for (const file of doc?.files ?? []) {
    if (formatOfFile(file.encodingFormat) !== 'html') continue;
    const html = await readFileText(api, m.mailboxId, m.id, doc!.id, file);
    if (html === '') continue;
    const local = validateStrictHtml(html);
    const where = `message ${m.id}, document ${doc!.id}, file ${file.id}`;
    try {
      await api.post<unknown>(validationsPath(), undefined, {
        query: { policy: 'STRICT' },
        text: { contentType: 'text/html', value: html },
        // Validating changes nothing, so a lost answer may be asked again.
        idempotent: true,
      });
    } catch (err) {
      if (isRefusal(err)) {
        if (local.approved) {
          const codes = (err.appError.fieldErrors ?? []).map((e) => e.code).join(', ') || err.appError.code;
          log(
            `HTML second opinion: Digital Post refused what the local STRICT validator approved (${where}): ${codes}`,
          );
        }
        throw err;
      }
      const reason = err instanceof AppFault ? err.appError.code : 'unknown';
      log(`HTML second opinion not available (${where}): ${reason}; the local STRICT verdict stands`);
      return;
    }
    if (!local.approved) {
      const codes = local.errors.map((e) => e.code).join(', ');
      log(`HTML second opinion: Digital Post approved what the local STRICT validator refused (${where}): ${codes}`);
    }
  }
};
