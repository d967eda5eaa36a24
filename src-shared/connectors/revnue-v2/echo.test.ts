// Echoes: the server's answer to our own write must read back as the record we
// sent, or the next sync would see a phantom change. Revnue answers money as a number (1200) where
// the record spells "1200.00"; with the templates at hand the mapping spells it the record's way.
import { describe, expect, test } from 'vitest';
import { revnueRecordFromResponse, revnueResponseFromRecord } from './api';
import { diff } from '../../sync/diff';
import { globexOnRevnue, globexTemplates } from '../../sync/test-support/sample-records';
import { revnueShape } from './shape';

const lookups = { categories: [{ id: 3, name: 'Retail' }], countries: [{ id: 840, name: 'USA' }] };

function answerWithMoneyAsNumber() {
  const response = revnueResponseFromRecord(globexOnRevnue(), lookups);
  return { ...response, template: { id: 5, fields: { '7': 1200, '8': 'Gold' } } };
}

describe('a Revnue answer read back with the templates', () => {
  test('money 1200 becomes "1200.00": no change against the local record', () => {
    const local = globexOnRevnue();
    const fromResponse = revnueRecordFromResponse(answerWithMoneyAsNumber(), {
      countries: lookups.countries,
      templates: globexTemplates,
    });
    expect(fromResponse.template?.fields[0]).toEqual({ id: 7, value: '1200.00' });
    expect(diff(revnueShape, local, fromResponse)).toEqual([]);
  });

  test('without the templates the number stays a number: a (phantom) change', () => {
    const fromResponse = revnueRecordFromResponse(answerWithMoneyAsNumber(), {
      countries: lookups.countries,
    });
    expect(diff(revnueShape, globexOnRevnue(), fromResponse)).toEqual([
      { path: 'template.fields[id=7].value', value: 1200 },
    ]);
  });
});
