import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { DpHttpError, dpErrorBody } from './dp-error';

export type FaultKind = 'latency' | 'status' | 'drop';

export interface FaultSpec {
  /** HTTP method to match (any when absent). */
  method?: string;
  /** Path prefix; a value starting with `^` is a regular expression source instead. */
  path: string;
  kind: FaultKind;
  latencyMs?: number;
  status?: number;
  /** How many matching requests the fault applies to; unlimited when absent. */
  times?: number;
}

interface ActiveFault extends FaultSpec {
  id: number;
  matcher: (path: string) => boolean;
  remaining: number;
}

const parseSpec = (input: unknown): FaultSpec => {
  const body = (input ?? {}) as Record<string, unknown>;
  const fail = (message: string): never => {
    throw new DpHttpError(400, message);
  };
  if (typeof body.path !== 'string' || body.path === '') fail('path is required');
  if (body.kind !== 'latency' && body.kind !== 'status' && body.kind !== 'drop')
    fail('kind must be latency, status or drop');
  if (body.method !== undefined && typeof body.method !== 'string') fail('method must be a string');
  const positiveInt = (v: unknown, name: string, min: number, max: number): number | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      fail(`${name} must be an integer ${min}..${max}`);
    return v as number;
  };
  const spec: FaultSpec = { path: body.path as string, kind: body.kind as FaultKind };
  if (body.method) spec.method = (body.method as string).toUpperCase();
  const latencyMs = positiveInt(body.latencyMs, 'latencyMs', 0, 120_000);
  const status = positiveInt(body.status, 'status', 100, 599);
  const times = positiveInt(body.times, 'times', 1, 1_000_000);
  if (latencyMs !== undefined) spec.latencyMs = latencyMs;
  if (status !== undefined) spec.status = status;
  if (times !== undefined) spec.times = times;
  if (spec.kind === 'status' && spec.status === undefined) fail('status is required for kind status');
  if (spec.kind === 'latency' && spec.latencyMs === undefined) fail('latencyMs is required for kind latency');
  return spec;
};

/** Injected failures for tests of the client's resilience: slow responses, error statuses, dropped connections. */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private nextId = 1;
  private readonly timers = new Set<NodeJS.Timeout>();

  add(input: FaultSpec): number {
    const spec = parseSpec(input);
    let matcher: (path: string) => boolean;
    if (spec.path.startsWith('^')) {
      let re: RegExp;
      try {
        re = new RegExp(spec.path);
      } catch {
        throw new DpHttpError(400, 'path is not a valid regular expression');
      }
      matcher = (path) => re.test(path);
    } else {
      matcher = (path) => path.startsWith(spec.path);
    }
    const id = this.nextId++;
    this.faults.push({ ...spec, id, matcher, remaining: spec.times ?? Number.POSITIVE_INFINITY });
    return id;
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultSpec[] {
    return this.faults.map(({ method, path, kind, latencyMs, status, remaining }) => ({
      ...(method ? { method } : {}),
      path,
      kind,
      ...(latencyMs !== undefined ? { latencyMs } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(Number.isFinite(remaining) ? { times: remaining } : {}),
    }));
  }

  /** Cancels pending latency timers so close() is not held up. */
  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.clear();
  }

  private take(method: string, path: string): ActiveFault | undefined {
    const fault = this.faults.find((f) => (!f.method || f.method === method) && f.matcher(path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      if (req.path.startsWith('/sandbox/faults')) {
        next();
        return;
      }
      const fault = this.take(req.method, req.path);
      if (!fault) {
        next();
        return;
      }
      switch (fault.kind) {
        case 'drop':
          req.socket.destroy();
          return;
        case 'status':
          res.status(fault.status!).json(dpErrorBody(`Injected fault: HTTP ${fault.status}`));
          return;
        case 'latency': {
          const timer = setTimeout(() => {
            this.timers.delete(timer);
            next();
          }, fault.latencyMs);
          this.timers.add(timer);
          return;
        }
      }
    };
  }

  router(): Router {
    const router = Router();
    router.post('/', express.json({ limit: '16kb' }), (req, res) => {
      const id = this.add(req.body as FaultSpec);
      res.status(201).json({ id, faults: this.list() });
    });
    router.get('/', (_req, res) => {
      res.json(this.list());
    });
    router.delete('/', (_req, res) => {
      this.clear();
      res.status(204).end();
    });
    return router;
  }
}
