import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { r2RecordSchema } from '../../connectors/r2/api';
import { revnueRecordSchema } from '../../connectors/revnue-v2/api';
import { propertyParams, r2Arbitraries, revnueArbitraries, threeWay } from './arbitraries';
import { canonical } from './canonical';

// The generators must produce exactly what the store holds: records the connector's own schema
// accepts and returns unchanged. Otherwise every other property would prove something unreal.
describe.each([
  { connector: r2Arbitraries, schema: r2RecordSchema },
  { connector: revnueArbitraries, schema: revnueRecordSchema },
] as const)('$connector.name arbitraries', ({ connector, schema }) => {
  test('generate records (base, mine and theirs) that the record schema accepts unchanged', () => {
    fc.assert(
      fc.property(threeWay<unknown>(connector), (scenario) => {
        for (const record of [scenario.base, scenario.mine, scenario.theirs]) {
          const parsed = schema.safeParse(record);
          expect(parsed.error?.issues ?? []).toEqual([]);
          expect(canonical(connector.shape, parsed.data)).toEqual(
            canonical(connector.shape, record),
          );
        }
      }),
      propertyParams(),
    );
  });
});
