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
      workers: 1,
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
      workers: 1,
      help: false,
    });
  });
  test('--workers: an integer from 1 to 64, never with --dev or --demo', () => {
    expect(parseCliArgs(['--workers', '4']).workers).toBe(4);
    for (const bad of ['0', '65', '1.5', 'two', ''])
      expect(() => parseCliArgs(['--workers', bad]), bad).toThrow(/--workers must be an integer from 1 to 64/);
    expect(() => parseCliArgs(['--workers', '2', '--dev'])).toThrow(/--workers is for production/);
    expect(() => parseCliArgs(['--workers', '2', '--demo', 'site'])).toThrow(/--workers is for production/);
    expect(parseCliArgs(['--workers', '1', '--dev']).workers).toBe(1);
  });
  test('rejects unknown flags and bad ports', () => {
    expect(() => parseCliArgs(['--nope'])).toThrow();
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--port', '70000'])).toThrow(/--port/);
  });
});
