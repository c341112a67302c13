import { ENCODING_FORMATS } from '../../../shared/dp/encoding-formats';
import { LIMITS } from '../../../shared/dp/limits';

// Forwarding limits. §13.4.1 prints the codes (message.create.forward.comment.size, .senderLabel.size,
// .recipientLabel.size, .size.exceeds.allowed.size) with the limit as a parameter but never its value; these are the
// values the app assumes (the same as the local sandbox). Digital Post stays the judge: its refusal, with its own
// number, reaches the user unchanged.
export const FORWARD_LIMITS = {
  maxCommentLength: 1000,
  maxLabelLength: 256,
  /** An e-mail forward carries the files as e-mail attachments; mail systems refuse much less than 70 MB. */
  maxEmailBytes: 20 * 1024 * 1024,
} as const;

/** message.label: the sandbox and the §6 examples keep it to 256 characters. */
export const MAX_LABEL_LENGTH = 256;

export const composeLimits = () => ({
  maxFileBytes: LIMITS.maxFileBytes,
  maxMessageBytes: LIMITS.maxMessageBytes,
  maxOtherDocuments: LIMITS.maxOtherDocuments,
  maxFilesPerDocument: LIMITS.maxFilesPerDocument,
  maxEmailForwardBytes: FORWARD_LIMITS.maxEmailBytes,
  maxForwardCommentLength: FORWARD_LIMITS.maxCommentLength,
  maxForwardLabelLength: FORWARD_LIMITS.maxLabelLength,
  maxLabelLength: MAX_LABEL_LENGTH,
  encodingFormats: Object.fromEntries(Object.entries(ENCODING_FORMATS).map(([k, v]) => [k, [...v]])),
});
