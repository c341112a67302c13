import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';

/**
 * Marks a file we wrote as coming from the internet, so the OS's own defences treat it as such: SmartScreen and
 * Office Protected View on Windows (the `Zone.Identifier` alternate data stream, zone 3 = Internet), Gatekeeper and
 * the "downloaded from the internet" prompt on macOS (the `com.apple.quarantine` extended attribute). Linux desktops
 * have no such mark.
 */
export type MarkResult = 'written' | 'not-supported' | 'failed';

export interface MarkOfTheWebDeps {
  platform: NodeJS.Platform;
  writeFile: (path: string, data: string) => Promise<void>;
  /** Runs a program with arguments, no shell; rejects when it exits non-zero. */
  run: (command: string, args: readonly string[]) => Promise<void>;
  now: () => Date;
  uuid: () => string;
  log: (msg: string, err?: unknown) => void;
}

export const ZONE_IDENTIFIER = '[ZoneTransfer]\r\nZoneId=3\r\n';
export const QUARANTINE_AGENT = 'Digital Post';

/**
 * The quarantine value as macOS's own downloaders (Safari) write it: the flags 0083 Gatekeeper gives a fresh
 * download, the time in hex seconds, the agent's name and an event id.
 */
export const quarantineValue = (at: Date, uuid: string): string =>
  `0083;${Math.floor(at.getTime() / 1000).toString(16)};${QUARANTINE_AGENT};${uuid.toUpperCase()}`;

/** Whether this OS has a mark at all: where it does, a file we could not mark must not be opened. */
export const platformHasMark = (platform: NodeJS.Platform): boolean => platform === 'win32' || platform === 'darwin';

export const writeMarkOfTheWeb = async (path: string, deps: MarkOfTheWebDeps): Promise<MarkResult> => {
  try {
    if (deps.platform === 'win32') {
      await deps.writeFile(`${path}:Zone.Identifier`, ZONE_IDENTIFIER);
      return 'written';
    }
    if (deps.platform === 'darwin') {
      await deps.run('/usr/bin/xattr', ['-w', 'com.apple.quarantine', quarantineValue(deps.now(), deps.uuid()), path]);
      return 'written';
    }
    return 'not-supported';
  } catch (err) {
    deps.log('Could not mark the file as downloaded from the internet', err);
    return 'failed';
  }
};

const runFile = (command: string, args: readonly string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    execFile(command, [...args], { timeout: 10_000, windowsHide: true }, (err) => (err ? reject(err) : resolve()));
  });

export const defaultMarkOfTheWebDeps = (log: (msg: string, err?: unknown) => void): MarkOfTheWebDeps => ({
  platform: process.platform,
  writeFile: (path, data) => writeFile(path, data, { encoding: 'utf8' }),
  run: runFile,
  now: () => new Date(),
  uuid: randomUUID,
  log,
});
