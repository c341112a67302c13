import { downloadContentType, openPolicyFor } from '../../../shared/dp/encoding-formats';
import { offeredFilename } from '../../../shared/dp/filenames';
import { FileSchema } from '../../../shared/dp/resources';
import { letterHash } from '../../../shared/ipc/letter-route';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import type { Handlers } from '../../ipc/dispatch';
import { AppFault } from '../../errors';
import { offerDownload } from '../../services/files/download-offers';
import type { MailContext } from './context';
import { fileContentPath, filePath, type FileAddress } from '../../services/dp-client/api-paths';

type FileHandlers = Pick<Handlers, 'files.content' | 'files.save' | 'files.open'>;

interface FileContent {
  bytes: Uint8Array;
  encodingFormat: string;
  filename: string;
}

const fileIds = (a: FileAddress): [string, string, string, string] => [
  a.mailboxId,
  a.messageId,
  a.documentId,
  a.fileId,
];

/** Metadata (name, format) and bytes; the two requests are independent. */
const fetchFileContent = async (ctx: MailContext, address: FileAddress): Promise<FileContent> => {
  const [meta, content] = await Promise.all([
    ctx.api.get<unknown>(filePath(...fileIds(address))),
    ctx.api.getBytes(fileContentPath(...fileIds(address))),
  ]);
  const file = FileSchema.parse(meta.data);
  return { bytes: content.data.data, encodingFormat: file.encodingFormat, filename: file.filename };
};

const fetchFileFormat = async (ctx: MailContext, address: FileAddress): Promise<string> =>
  FileSchema.parse((await ctx.api.get<unknown>(filePath(...fileIds(address)))).data).encodingFormat;

export const FILE_OPEN_REFUSED = APP_ERROR_CODES.fileOpenRefused;

const refuseOpen = (format: string): AppFault =>
  new AppFault({
    code: FILE_OPEN_REFUSED,
    message: `Filer af typen ${format || 'ukendt'} åbnes ikke direkte, fordi de kan køre kode på computeren. Brug Gem som…`,
  });

export const createFileHandlers = (ctx: MailContext): FileHandlers => ({
  'files.content': async (address) => {
    const file = await fetchFileContent(ctx, address);
    return {
      base64: Buffer.from(file.bytes).toString('base64'),
      encodingFormat: file.encodingFormat,
      filename: file.filename,
    };
  },

  // Electron: the save dialog proposes the name that will be written. Browser mode: main holds the bytes for one
  // download from its own loopback route, so the browser gets our name and headers, not the sender's.
  'files.save': async (address) => {
    const file = await fetchFileContent(ctx, address);
    const name = offeredFilename(file.filename, file.encodingFormat);
    const save = ctx.hooks.saveFile;
    if (save) return { saved: await save(name, file.bytes) };
    const token = offerDownload({ name, contentType: downloadContentType(file.encodingFormat), bytes: file.bytes });
    return { saved: false, downloadPath: `/download/${token}` };
  },

  // Only formats a viewer shows without running code reach the OS, and only under their forced extension; HTML is
  // shown sanitised in the app's own letter view and never as the sender wrote it.
  'files.open': async (address) => {
    const format = await fetchFileFormat(ctx, address);
    const policy = openPolicyFor(format);
    if (policy === 'save-only') throw refuseOpen(format);
    if (policy === 'letter') {
      const openLetter = ctx.hooks.openLetter;
      if (openLetter) return { opened: await openLetter(address) };
      return { opened: false, letterHash: letterHash(address) };
    }
    const open = ctx.hooks.openFile;
    if (!open) return { opened: false };
    const file = await fetchFileContent(ctx, address);
    // The format is read again with the bytes: the name is forced from the format that came with them.
    if (openPolicyFor(file.encodingFormat) !== 'os') throw refuseOpen(file.encodingFormat);
    return { opened: await open(offeredFilename(file.filename, file.encodingFormat), file.bytes) };
  },
});
