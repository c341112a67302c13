// What a mailbox holder can do with a message (§6.9–6.13, state/action matrix §6.16.1). Routes parse and authorise;
// the rules live in these modules so hooks and routes share them.
export { createDraft, createReply, DraftCreateSchema } from './drafts';
export { sendDraft } from './delivery';
export { ForwardSchema, forwardMessage } from './forward';
export { deleteMessage, MessageUpdateSchema, updateMessage } from './update';
