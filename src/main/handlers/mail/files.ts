import { FileSchema } from '../../../shared/dp/resources';
import { scrubFilename } from '../../../shared/dp/filenames';
import type { Handlers } from '../../ipc/dispatch';
import type { MailContext } from './context';
import { fileContentPath, filePath, type FileAddress } from './paths';

type FileHandlers = Pick<Handlers, 'files.content' | 'files.save' | 'files.open'>;

interface FileContent {
  bytes: Uint8Array;
  encodingFormat: string;
  filename: string;
}

/** Metadata (name, format) and bytes; the two requests are independent. */
const fetchFileContent = async (ctx: MailContext, address: FileAddress): Promise<FileContent> => {
  const [meta, content] = await Promise.all([
    ctx.api.get<unknown>(filePath(address)),
    ctx.api.getBytes(fileContentPath(address)),
  ]);
  const file = FileSchema.parse(meta.data);
  return { bytes: content.data.data, encodingFormat: file.encodingFormat, filename: file.filename };
};

/** The name offered to the OS: scrubbed (§10.13.1), never empty. */
const offeredName = (filename: string): string => scrubFilename(filename) || 'fil';

export const createFileHandlers = (ctx: MailContext): FileHandlers => ({
  'files.content': async (address) => {
    const file = await fetchFileContent(ctx, address);
    return {
      base64: Buffer.from(file.bytes).toString('base64'),
      encodingFormat: file.encodingFormat,
      filename: file.filename,
    };
  },

  // Browser mode has no hook: nothing is downloaded that could not be delivered.
  'files.save': async (address) => {
    const save = ctx.hooks.saveFile;
    if (!save) return { saved: false };
    const file = await fetchFileContent(ctx, address);
    return { saved: await save(offeredName(file.filename), file.bytes) };
  },

  'files.open': async (address) => {
    const open = ctx.hooks.openFile;
    if (!open) return { opened: false };
    const file = await fetchFileContent(ctx, address);
    return { opened: await open(offeredName(file.filename), file.bytes) };
  },
});
