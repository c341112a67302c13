// Size and count limits for messages sent from a view client (Technical Integration §10.2.3, §6.12.1 for the 10 MB
// file content limit, §13.4.1 for the 256-character file fields).

// Megabytes as the Java/Spring side counts them (1024 * 1024 bytes).
const MB = 1024 * 1024;

export const LIMITS = {
  /** A whole message sent from a view client. */
  maxMessageBytes: 70 * MB,
  /** One attachment (file content). */
  maxFileBytes: 10 * MB,
  maxMainDocuments: 1,
  /** Additional and technical documents combined. */
  maxOtherDocuments: 10,
  /** Files (versions of the same document) per document. */
  maxFilesPerDocument: 10,
  /** message.file.filename.size / message.file.encodingFormat.size */
  maxFilenameLength: 256,
  maxEncodingFormatLength: 256,
} as const;
