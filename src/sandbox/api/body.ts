import { z } from 'zod';
import type { FieldError } from '../../shared/ipc/app-error';
import { dpError, errorMessage } from './errors';

// Request bodies are parsed with strict schemas: an unknown field or a wrong type is a 400 with fieldErrors, never a
// crash and never a half-applied change.

const issueToFieldError = (resource: string, issue: z.core.$ZodIssue): FieldError[] => {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = [...issue.path, key].join('.');
      return {
        resource,
        field,
        code: 'request.field.unknown',
        message: errorMessage('request.field.unknown', [field]),
      };
    });
  }
  const field = issue.path.join('.');
  return [
    { resource, field, code: 'request.field.type', message: errorMessage('request.field.type', [field || resource]) },
  ];
};

export const parseBody = <T extends z.ZodType>(schema: T, body: unknown, resource: string): z.infer<T> => {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  throw dpError(
    400,
    `ValidationException: the ${resource} in the request body is not valid`,
    result.error.issues.flatMap((issue) => issueToFieldError(resource, issue)).slice(0, 50),
  );
};

// Fields a client echoes back from a resource it fetched: accepted and ignored where the server owns them.
export const serverOwned = {
  id: z.string().nullish(),
  version: z.number().int().nullish(),
  transactionId: z.string().nullish(),
  createdDateTime: z.string().nullish(),
  lastUpdated: z.string().nullish(),
};

export const PartyInputSchema = z.strictObject({
  ...serverOwned,
  recipientId: z.string().max(256).optional(),
  recipientIdType: z.string().max(16).optional(),
  senderId: z.string().max(256).optional(),
  senderIdType: z.string().max(16).optional(),
  label: z.string().max(256).nullish(),
  contactPointId: z.string().max(64).nullish(),
  attentionData: z.looseObject({}).nullish(),
});

export const looseArray = z.array(z.looseObject({}));
