import { describe, expect, test } from 'vitest';
import { isAllowedApiUrl, isLoopbackUrl } from './loopback';

describe('plain http only where traffic never leaves this computer', () => {
  test.each([
    'http://127.0.0.1:4010/api/v2/',
    'http://127.1.2.3/',
    'http://localhost:8080/',
    'http://[::1]:4010/r2/',
  ])('%s is loopback', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
    expect(isAllowedApiUrl(url)).toBe(true);
  });

  test.each([
    // Hosts that merely start like a loopback address resolve anywhere on the internet.
    'http://127.evil.example/',
    'http://127.0.0.1.nip.io/',
    'http://127.0.0.1.evil.example:4010/',
    'http://127.0.0.256/',
    'http://localhost.evil.example/',
    'http://10.0.0.5/',
    'http://api.example.com/',
  ])('%s is not loopback, so plain http there is refused', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
    expect(isAllowedApiUrl(url)).toBe(false);
  });

  test.each(['https://api.example.com/', 'https://127.evil.example/'])(
    '%s is allowed (https)',
    (url) => {
      expect(isAllowedApiUrl(url)).toBe(true);
    },
  );

  test.each(['ftp://127.0.0.1/', 'file:///etc/passwd', 'not a url', ''])('%s is refused', (url) => {
    expect(isAllowedApiUrl(url)).toBe(false);
  });
});
