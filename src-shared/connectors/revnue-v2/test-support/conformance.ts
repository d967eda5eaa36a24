// Revnue's kit for the connector conformance suite: a record travels as the response a server
// holding it answers (category as an object, country by name, custom fields as a map) and back.
import { revnueArbitraries } from '../../../sync/test-support/arbitraries';
import { globexOnRevnue } from '../../../sync/test-support/sample-records';
import type { ConformanceKit } from '../../test-support/conformance-kit';
import {
  revnueCustomerResponseSchema,
  revnueRecordFromResponse,
  revnueResponseFromRecord,
  type RevnueCustomerRecord,
} from '../api';

// A country code missing here is answered as digits and still maps back, so few are needed.
const lookups = {
  countries: [
    { id: 276, name: 'Germany' },
    { id: 40, name: 'Austria' },
  ],
  categories: [{ id: 3, name: 'Retail' }],
};

export const revnueConformanceKit: ConformanceKit<RevnueCustomerRecord> = {
  arbitraries: revnueArbitraries,
  sample: globexOnRevnue,
  throughTheWire: (record) =>
    revnueRecordFromResponse(
      revnueCustomerResponseSchema.parse(revnueResponseFromRecord(record, lookups)),
      { ...lookups, company: record.company },
    ),
};
