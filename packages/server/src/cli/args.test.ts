import { describe, expect, test } from 'vitest';
import { parseCliArgs } from './args.js';

describe('parseCliArgs', () => {
  test('defaults', () => {
    expect(parseCliArgs([])).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './.orgauth',
      dev: false,
      demo: undefined,
      trustProxyHeader: undefined,
      help: false,
    });
  });
  test('all flags', () => {
    expect(
      parseCliArgs([
        '--port',
        '3999',
        '--host',
        '0.0.0.0',
        '--data-dir',
        '/tmp/x',
        '--dev',
        '--demo',
        'site',
        '--trust-proxy-header',
        'x-forwarded-for',
      ]),
    ).toEqual({
      port: 3999,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      dev: true,
      demo: 'site',
      trustProxyHeader: 'x-forwarded-for',
      help: false,
    });
  });
  test('rejects unknown flags and bad ports', () => {
    expect(() => parseCliArgs(['--nope'])).toThrow();
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--port', '70000'])).toThrow(/--port/);
  });
});
