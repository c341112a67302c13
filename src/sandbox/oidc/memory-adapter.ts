import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt?: number;
}

/**
 * oidc-provider's storage, kept in memory and private to one sandbox (tests start many at once, so nothing may be
 * module-global). The store is exposed so logout can find the refresh tokens and sessions that belong together.
 */
export class MemoryOidcStore {
  private readonly models = new Map<string, Map<string, Entry>>();

  model(name: string): Map<string, Entry> {
    let model = this.models.get(name);
    if (!model) {
      model = new Map();
      this.models.set(name, model);
    }
    return model;
  }

  /** Live payloads of one model (expired entries are dropped on the way). */
  list(name: string): Array<[string, AdapterPayload]> {
    const now = Date.now();
    const out: Array<[string, AdapterPayload]> = [];
    for (const [id, entry] of this.model(name)) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) {
        this.model(name).delete(id);
      } else {
        out.push([id, entry.payload]);
      }
    }
    return out;
  }

  revokeByGrantId(grantId: string): void {
    for (const model of this.models.values()) {
      for (const [id, entry] of model) {
        if (entry.payload.grantId === grantId) model.delete(id);
      }
    }
  }

  adapterClass(): new (name: string) => Adapter {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the adapter class closes over its store
    const store = this;
    return class MemoryAdapter implements Adapter {
      private readonly entries: Map<string, Entry>;
      constructor(private readonly name: string) {
        this.entries = store.model(name);
      }

      private live(id: string): AdapterPayload | undefined {
        const entry = this.entries.get(id);
        if (!entry) return undefined;
        if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
          this.entries.delete(id);
          return undefined;
        }
        return entry.payload;
      }

      async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
        this.entries.set(id, {
          payload: { ...payload },
          ...(expiresIn ? { expiresAt: Date.now() + expiresIn * 1000 } : {}),
        });
      }

      async find(id: string): Promise<AdapterPayload | undefined> {
        const payload = this.live(id);
        return payload && { ...payload };
      }

      async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
        for (const id of this.entries.keys()) {
          const payload = this.live(id);
          if (payload?.userCode === userCode) return payload;
        }
        return undefined;
      }

      async findByUid(uid: string): Promise<AdapterPayload | undefined> {
        for (const id of this.entries.keys()) {
          const payload = this.live(id);
          if (payload?.uid === uid) return payload;
        }
        return undefined;
      }

      async consume(id: string): Promise<void> {
        const payload = this.live(id);
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      }

      async destroy(id: string): Promise<void> {
        this.entries.delete(id);
      }

      async revokeByGrantId(grantId: string): Promise<void> {
        store.revokeByGrantId(grantId);
      }
    };
  }
}
