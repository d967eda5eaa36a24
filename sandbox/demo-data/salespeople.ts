// R2's salesperson lookup as the sandbox knows it: the list rows show the salesperson's NAME
// while the by-ID shape carries only `salespersonid`.

export const salespeople: Record<string, string> = {
  SP01: 'Sam Patel',
  SP02: 'Maria Rossi',
  SP03: 'Jonas Berg',
  SP04: 'Aisha Khan',
  SP05: 'Tom Walsh',
};

export function salespersonName(id: string | null | undefined): string | null {
  if (!id) return null;
  // Own keys only: a generated id such as "constructor" must not read Object.prototype.
  return Object.hasOwn(salespeople, id) ? (salespeople[id] as string) : id;
}
