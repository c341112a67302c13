import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ARCHIVE_KEY_PURPOSE } from '../secret-store';

/**
 * One archive per person and environment. The name is a hash of `env:sub`, so neither the subject identifier nor a
 * CPR inside it can be read off the file system.
 */
export const archiveId = (env: string, sub: string): string =>
  createHash('sha256').update(`${env}:${sub}`, 'utf8').digest('hex').slice(0, 32);

export const archiveFilePath = (dir: string, env: string, sub: string): string =>
  join(dir, `archive-${archiveId(env, sub)}.db`);

/** The SecretStore account of the archive's key: per person too, so two people on one machine never share a key. */
export const archiveKeyAccount = (env: string, sub: string): string =>
  `${ARCHIVE_KEY_PURPOSE}.${env}.${archiveId(env, sub)}`;
