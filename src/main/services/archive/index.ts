// The local archive: an encrypted, searchable copy of the post. Everything outside this folder uses these exports.
export { ArchiveUnavailable, type ArchiveUnavailableReason } from './archive-errors';
export { archiveFilePath, archiveKeyAccount } from './archive-file';
export type { ArchiveSearchQuery, ArchiveSearchResult, ArchiveSearchHit, SnippetPart } from './archive-search';
export type { ArchiveMailboxChoice, SyncProgress, SyncReport, SyncRunOptions, ArchiveSync } from './archive-sync';
export type { ExportProgress, ExportRunOptions, ExportSummary } from './export-letters';
export type { Manifest } from './export-folder';
export type { SearchTerm } from './fts-query';
export { openLocalArchive, type ExportFormat, type LocalArchive, type OpenArchiveOptions } from './local-archive';
export type { ExportDownload } from './export-memory';
export type { MailboxSummary, StoredMessage } from './archive-store';
