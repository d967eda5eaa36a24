// Name normalization for natural keys: how both connectors decide that two customer names are
// "the same customer" (uniqueness in the sandbox, finding a record after a lost create response).

/**
 * Unicode NFC, trimmed, inner whitespace collapsed to one space, lower-cased locale-independently
 * — i.e. case- and whitespace-INSENSITIVE: "ACME  GmbH " and "acme gmbh" are the same name.
 */
export function normalizeCustomerName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
