import { Router, type Response } from 'express';
import type { Identity } from '../../identity';
import { privilegeCovers, privilegesOf } from '../../privileges';
import {
  KnownAccessTypeSchema as AccessTypeSchema,
  type KnownAccessType as AccessType,
} from '../../../shared/dp/enums';
import { DpHttpError } from '../../http/dp-error';
import type { RegistryContext } from '../context';
import { newAccess } from '../records';
import { accessView } from '../views';
import { etag, pathId } from '../util';
import type { AccessWriter } from './access-writer';
import { forbidden, notFound, validationError, type FieldProblem } from './errors';

// "Create access" (§6.2) makes the caller's own access record on a mailbox they already hold a privilege on: the
// record carries their notification subscriptions. Granting someone else access is an access request (§11), not
// this endpoint, so an access for anybody but the caller is refused like any access the caller may not have.

/** Privilege types as the sandbox spells them in dppriv; MAILBOX_ACCESS is the employee's (DP Medarbejder). */
const ACCESS_TYPE_OF_PRIVILEGE: Record<string, AccessType> = {
  OWNER: 'OWNER',
  FULL_POWER_OF_ATTORNEY: 'FULL_POWER_OF_ATTORNEY',
  LEGAL_REPRESENTATIVE_READER: 'LEGAL_REPRESENTATIVE_READER',
  ESTATE_ADMINISTRATOR: 'ESTATE_ADMINISTRATOR',
  MAILBOX_ACCESS: 'EMPLOYEE',
};

/** DP Medarbejder is not among the roles that may create an access; every other mailbox role is. */
const MAY_CREATE: ReadonlySet<AccessType> = new Set([
  'OWNER',
  'FULL_POWER_OF_ATTORNEY',
  'LEGAL_REPRESENTATIVE_READER',
  'ESTATE_ADMINISTRATOR',
]);

/** Body fields a client might use to name the holder; the access resource has none, its holder is the caller. */
const HOLDER_FIELDS = ['identityId', 'dpiid', 'trusteeId', 'holderId'] as const;

type Json = Record<string, unknown>;

export const createAccessCreateRoute = (ctx: RegistryContext, writeAccess: AccessWriter): Router => {
  const router = Router();
  const { store } = ctx;

  router.post('/mailboxes/:mailboxId/accesses', (req, res: Response) => {
    const identity = res.locals.identity as Identity;
    const mailboxId = pathId(req, 'mailboxId');
    const mailbox = store.mailboxes.get(mailboxId);
    if (!mailbox) throw notFound('mailbox', mailboxId);
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw validationError('access', [{ code: 'field.value.is.needed', field: 'body' }]);
    const fields = body as Json;

    const problems: FieldProblem[] = [];
    if (fields.mailboxId === undefined || fields.mailboxId === null || fields.mailboxId === '')
      problems.push({ code: 'access.mailboxId.notNull', field: 'mailboxId' });
    else if (String(fields.mailboxId).toLowerCase() !== mailbox.id)
      problems.push({ code: 'id.not.exist', field: 'mailboxId', rejectedValue: fields.mailboxId });
    const parsedType = AccessTypeSchema.safeParse(fields.accessType);
    if (fields.accessType === undefined || fields.accessType === null || fields.accessType === '')
      problems.push({ code: 'access.accessType.notNull', field: 'accessType' });
    else if (!parsedType.success)
      problems.push({
        code: 'type.wrong',
        field: 'accessType',
        rejectedValue: fields.accessType,
        args: [String(fields.accessType)],
      });
    if (problems.length > 0) throw validationError('access', problems);
    const accessType = parsedType.data as AccessType;

    if (
      HOLDER_FIELDS.some(
        (name) => fields[name] !== undefined && fields[name] !== identity.id && fields[name] !== identity.dpiid,
      )
    )
      throw forbidden();
    const held = new Set<AccessType>(
      privilegesOf(identity)
        .filter((p) => privilegeCovers(p, mailbox))
        .flatMap((p) => ACCESS_TYPE_OF_PRIVILEGE[p.type] ?? []),
    );
    const existing = store.accessFor(identity.id, mailbox.id);
    if (existing) held.add(existing.accessType);
    if (!held.has(accessType) || !MAY_CREATE.has(accessType)) throw forbidden();
    // One access per holder and mailbox: its settings change with PUT.
    if (existing)
      throw new DpHttpError(
        409,
        `ConflictException: the caller already has access ${existing.id} on mailbox ${mailbox.id}`,
        [],
      );

    const at = ctx.now().toISOString();
    const record = newAccess(store, at, { mailboxId: mailbox.id, identityId: identity.id, accessType });
    writeAccess(identity.id, record, body, { created: true });
    store.accesses.set(record.id, record);
    res.status(201).setHeader('ETag', etag(record.version));
    res.setHeader('Location', `${req.baseUrl}/mailboxes/${mailbox.id}/accesses/${record.id}`);
    res.json(accessView(record));
  });

  return router;
};
