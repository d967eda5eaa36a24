// What a live read of the store is, apart from how Dexie makes one (live-reads.ts), so code that
// only names the store's interface pulls in no database code.

export interface LiveObserver<T> {
  next(value: T): void;
  error(error: unknown): void;
}

/** A read that answers now and again after every write that could change its answer. */
export interface LiveRead<T> {
  subscribe(observer: LiveObserver<T>): { unsubscribe(): void };
}
