import type { RequestHandler } from 'express';
import { fromSpecMinimal, specMinimalAnswer } from './views';

/**
 * Spec-minimal mode on the API router: JSON bodies coming in get the sandbox's own spellings back, JSON answers
 * going out are reduced to what the document prints (views.ts). Routes and store never see the difference.
 */
export const specMinimalMode: RequestHandler = (req, res, next) => {
  if (req.body !== undefined && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) {
    req.body = fromSpecMinimal(req.body);
  }
  const json = res.json.bind(res);
  res.json = (body: unknown) => json(specMinimalAnswer(body, req.path));
  next();
};
