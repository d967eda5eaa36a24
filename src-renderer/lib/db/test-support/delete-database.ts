// Removes a test database. A connection the store just closed may still be finishing its last
// transaction, so the request can report `blocked` first: that is expected, it then succeeds.
export function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
  });
}
