import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A first-come, first-served lock: `acquire` resolves with the function that releases it. */
class Turnstile {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const turn = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return turn;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/**
 * The better-sqlite3 adapter runs every query on one connection and only makes transactions wait
 * for each other: a query from another request that arrives while an interactive transaction is
 * open runs inside it, and is undone if that transaction rolls back (a webhook's fulfilment lost
 * to someone else's failed refund). Here a query outside a transaction waits for the open one to
 * end; queries inside it go through the transaction object and never wait.
 */
function serialize(adapter: Adapter): Adapter {
  const turnstile = new Turnstile();
  const wrapped: Adapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => turnstile.run(() => adapter.queryRaw(query)),
    executeRaw: (query) => turnstile.run(() => adapter.executeRaw(query)),
    executeScript: (script) => turnstile.run(() => adapter.executeScript(script)),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel) {
      const release = await turnstile.acquire();
      let transaction: Transaction;
      try {
        transaction = await adapter.startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      const end = (finish: () => Promise<void>) => async () => {
        try {
          await finish();
        } finally {
          release();
        }
      };
      return {
        provider: transaction.provider,
        adapterName: transaction.adapterName,
        options: transaction.options,
        queryRaw: (query) => transaction.queryRaw(query),
        executeRaw: (query) => transaction.executeRaw(query),
        commit: end(() => transaction.commit()),
        rollback: end(() => transaction.rollback()),
      };
    },
  };
  if (adapter.getConnectionInfo) wrapped.getConnectionInfo = () => adapter.getConnectionInfo!();
  return wrapped;
}

/** The SQLite adapter for the app's Prisma client, with transactions isolated from other requests. */
export class SerializedSQLite extends PrismaBetterSQLite3 {
  override async connect(): Promise<Adapter> {
    return serialize(await super.connect());
  }
}
