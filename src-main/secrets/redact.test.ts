import { describe, expect, it } from 'vitest';
import { redactSecrets, rememberSecret } from './redact';

describe('redactSecrets', () => {
  it('removes bearer headers, token fields in JSON and form bodies, and client secrets', () => {
    const text = [
      'Authorization: Bearer eyJhbGciOi.abc-123_x/y+z==',
      'authorization: Basic Zmllb2Rib29rOnNlY3JldA==',
      '{"Authorization":"Token rvn_9f8e7d"}',
      '{"access_token":"AT-1","refresh_token": "RT-2","token_type":"Bearer"}',
      "{'client_secret': 'CS-3'}",
      'grant_type=refresh_token&refresh_token=RT-4&client_id=fieldbook',
      'code_verifier=CV-5',
    ].join('\n');
    const out = redactSecrets(text);
    for (const secret of [
      'eyJhbGciOi',
      'Zmllb2Rib29r',
      'rvn_9f8e7d',
      'AT-1',
      'RT-2',
      'CS-3',
      'RT-4',
      'CV-5',
    ]) {
      expect(out).not.toContain(secret);
    }
    // What is not secret stays readable.
    expect(out).toContain('client_id=fieldbook');
    expect(out).toContain('"token_type":"Bearer"');
    expect(out).toContain('grant_type=refresh_token');
  });

  it('removes a remembered token wherever it appears, but not short everyday words', () => {
    rememberSecret('rvn_0123456789abcdef');
    rememberSecret('short');
    const out = redactSecrets('server echoed rvn_0123456789abcdef in a short message');
    expect(out).toBe('server echoed [redacted] in a short message');
  });

  it('leaves text without secrets unchanged', () => {
    const text = 'Customer "Acme" saved; 3 contacts; Token expired; Basic plan';
    expect(redactSecrets(text)).toBe(text);
  });
});
