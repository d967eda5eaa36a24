// R2's kit for the connector conformance suite: a record travels as its write body, and the
// server's answer is that body (R2 adds only its audit fields, which are read-only).
import { r2Arbitraries } from '../../../sync/test-support/arbitraries';
import { acmeOnR2 } from '../../../sync/test-support/sample-records';
import type { ConformanceKit } from '../../test-support/conformance-kit';
import {
  r2CustomerSchema,
  r2RecordFromWire,
  r2WriteFromRecord,
  type R2CustomerRecord,
} from '../api';

export const r2ConformanceKit: ConformanceKit<R2CustomerRecord> = {
  arbitraries: r2Arbitraries,
  sample: acmeOnR2,
  throughTheWire: (record) => r2RecordFromWire(r2CustomerSchema.parse(r2WriteFromRecord(record))),
};
