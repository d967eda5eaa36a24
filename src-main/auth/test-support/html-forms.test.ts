import { describe, expect, it } from 'vitest';
import { readForms } from './html-forms';

describe('readForms', () => {
  it('reads action, method and named inputs, decoding entities', () => {
    const html = `<form method="post" action="/i/1/login?a=1&amp;b=2">
      <input id="u" name="username" value="dana &quot;d&quot;"><input name="password" type="password" required>
      <input type="hidden" name='csrf' value=xyz><button>Go</button></form>
      <form action="/i/1/abort" method="POST"><button>Cancel</button></form>`;
    expect(readForms(html)).toEqual([
      {
        action: '/i/1/login?a=1&b=2',
        method: 'POST',
        inputs: [
          { name: 'username', type: 'text', value: 'dana "d"' },
          { name: 'password', type: 'password', value: '' },
          { name: 'csrf', type: 'hidden', value: 'xyz' },
        ],
      },
      { action: '/i/1/abort', method: 'POST', inputs: [] },
    ]);
  });

  it('finds nothing in a page without forms', () => {
    expect(readForms('<p>Signed in</p>')).toEqual([]);
  });
});
