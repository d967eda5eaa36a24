// The editor's offline check of the server's cross-customer rules (Revnue: a name unique per
// account; R2: a customer ID): is there ANOTHER customer of the connection this matches?
import { firstRowWhere } from './customer-rows';
import { guarded, type StoreContext } from './store-context';

/** The key of the first other row whose record `matches`, else null. A cursor scan that stops at the first hit. */
export function findOtherCustomer(
  ctx: StoreContext,
  connectionId: string,
  exceptKey: string | null,
  matches: (record: unknown) => boolean,
): Promise<string | null> {
  return guarded('read', async () => {
    const row = await firstRowWhere(
      ctx.strict,
      connectionId,
      (candidate) => candidate.key !== exceptKey && matches(candidate.record),
    );
    return row?.key ?? null;
  });
}
