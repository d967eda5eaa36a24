// What the connector conformance suite needs from each connector's tests: valid records, a full
// sample, and the trip a record makes through the API and back. A kit per registered kind is
// required by type (connector-conformance.test.ts), so a new connector cannot skip the suite.
import type { ConnectorArbitraries } from '../../sync/test-support/arbitraries';

export interface ConformanceKit<T> {
  /** Valid records as the server knows them, and each side's edits. */
  readonly arbitraries: ConnectorArbitraries<T>;
  /** A realistic record with every list non-empty, so walks reach nested fields. */
  sample(): T;
  /**
   * The record as sent to the API and read back from what a server storing it would answer:
   * the mappings both ways (read-only fields may come back in the server's spelling).
   */
  throughTheWire(record: T): T;
}
