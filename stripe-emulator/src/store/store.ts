// In-memory object store. Every Stripe object lives here once, under its ID, owned
// by the platform (account = null) or by a connected account (account = "acct_...").

export type StripeObject = Record<string, any>;

export interface StoredRecord {
  id: string;
  object: string;
  account: string | null;
  seq: number;
  deleted: boolean;
  data: StripeObject;
  /** Emulator-only facts that are not part of the API shape (test-card behaviour, links...). */
  hidden: Record<string, any>;
}

export interface StoreSnapshot {
  seq: number;
  records: StoredRecord[];
}

export class Store {
  private records = new Map<string, StoredRecord>();
  private seq = 0;

  insert(account: string | null, data: StripeObject, hidden: Record<string, any> = {}): StripeObject {
    const record: StoredRecord = {
      id: data.id,
      object: data.object,
      account,
      seq: ++this.seq,
      deleted: false,
      data,
      hidden,
    };
    this.records.set(data.id, record);
    return data;
  }

  record(id: string): StoredRecord | undefined {
    return this.records.get(id);
  }

  /** The live object, whatever account owns it (used for expansion and internal links). */
  get(id: string): StripeObject | undefined {
    const r = this.records.get(id);
    return r && !r.deleted ? r.data : undefined;
  }

  hidden(id: string): Record<string, any> {
    const r = this.records.get(id);
    if (!r) throw new Error(`no record ${id}`);
    return r.hidden;
  }

  accountOf(id: string): string | null {
    return this.records.get(id)?.account ?? null;
  }

  markDeleted(id: string): void {
    const r = this.records.get(id);
    if (r) r.deleted = true;
  }

  remove(id: string): void {
    this.records.delete(id);
  }

  /** Objects of a type owned by an account, newest first (as Stripe lists them). */
  list(object: string, account: string | null | "*", filter?: (o: StripeObject, r: StoredRecord) => boolean): StripeObject[] {
    const out: StoredRecord[] = [];
    for (const r of this.records.values()) {
      if (r.object !== object || r.deleted) continue;
      if (account !== "*" && r.account !== account) continue;
      if (filter && !filter(r.data, r)) continue;
      out.push(r);
    }
    out.sort((a, b) => (b.data.created ?? 0) - (a.data.created ?? 0) || b.seq - a.seq);
    return out.map((r) => r.data);
  }

  all(): StoredRecord[] {
    return [...this.records.values()];
  }

  snapshot(): StoreSnapshot {
    return structuredClone({ seq: this.seq, records: [...this.records.values()] });
  }

  restore(snapshot: StoreSnapshot): void {
    this.records = new Map(snapshot.records.map((r) => [r.id, r]));
    this.seq = snapshot.seq;
  }

  clear(): void {
    this.records.clear();
    this.seq = 0;
  }
}
