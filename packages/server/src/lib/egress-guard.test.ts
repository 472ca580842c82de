import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { assertPublicDestination, EgressRefusedError, egressFetch, type Resolver } from './egress-guard.js';
import { isPrivateAddress } from './private-address.js';

// Only loopback is ever connected to here: refused destinations are proven refused by a local
// listener that must see no connection; public addresses are only run through the predicate.
const REFUSED = [
  '127.0.0.1',
  '127.255.255.254',
  '10.0.0.1',
  '172.16.0.1',
  '172.31.255.255',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '100.127.255.255',
  '0.0.0.0',
  '224.0.0.1',
  '240.0.0.1',
  '255.255.255.255',
  '198.18.0.1',
  '::1',
  '[::1]',
  '::',
  'fe80::1',
  'fe80::1%eth0',
  'fc00::1',
  'fd12:3456::1',
  'ff02::1',
  '::ffff:127.0.0.1',
  '[::ffff:7f00:1]',
  '::ffff:a9fe:a9fe',
  '::ffff:10.0.0.1',
  '::127.0.0.1',
  '64:ff9b::7f00:1',
  '64:ff9b::169.254.169.254',
  '64:ff9b:1::a00:1',
  '2002:7f00:1::1',
  '2002:a9fe:a9fe::1',
  '2001:db8::1',
  'localhost',
  'not an address',
  '',
];
const ALLOWED = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.215.14',
  '172.32.0.1',
  '100.128.0.1',
  '11.0.0.1',
  '2606:4700:4700::1111',
  '2a00:1450::1',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
];

describe('isPrivateAddress', () => {
  test.each(REFUSED)('%s is refused', (address) => expect(isPrivateAddress(address)).toBe(true));
  test.each(ALLOWED)('%s is allowed', (address) => expect(isPrivateAddress(address)).toBe(false));
});

let listener: Server;
let port: number;
let connections = 0;
let hits: string[] = [];
beforeAll(async () => {
  listener = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/hop') return void res.writeHead(302, { location: `http://127.0.0.1:${port}/landed` }).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
  });
  listener.on('connection', () => void (connections += 1));
  // Dual stack: 127.0.0.1, ::1, ::ffff:127.0.0.1 and 0.0.0.0 all reach it when not refused.
  await new Promise<void>((resolve) => listener.listen(0, '::', resolve));
  port = (listener.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));
beforeEach(() => {
  connections = 0;
  hits = [];
});

const closed = { allowPrivate: false };

describe('egressFetch', () => {
  test.each(['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '0.0.0.0', 'localhost'])(
    'http://%s:<port> is refused before any connection',
    async (host) => {
      await expect(egressFetch(`http://${host}:${port}/secret`, {}, closed)).rejects.toThrow(EgressRefusedError);
      await expect(egressFetch(`http://${host}:${port}/secret`, {}, closed)).rejects.toThrow(
        /resolves to a private or loopback address/,
      );
      expect(connections).toBe(0);
    },
  );

  test('DNS rebinding: a name public at the pre-check and loopback at connect time is refused at connect time', async () => {
    const answers: string[] = [];
    const rebinding: Resolver = async (_host, stage) => {
      // The public answer goes to the pre-check only: whatever the code does, no socket may ever be
      // opened to it (this machine may reach loopback only). The lookup connected to gets loopback.
      const address = stage === 'check' ? '93.184.215.14' : '127.0.0.1';
      answers.push(`${stage} ${address}`);
      return [{ address, family: 4 }];
    };
    await expect(
      egressFetch(`http://rebind.example:${port}/secret`, {}, { allowPrivate: false, resolve: rebinding }),
    ).rejects.toThrow(EgressRefusedError);
    expect(answers).toEqual(['check 93.184.215.14', 'connect 127.0.0.1']);
    expect(connections).toBe(0);
  });

  test('a name with a public and a private address is refused whole (checked without fetching: nothing may dial the public one)', async () => {
    const mixed: Resolver = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    await expect(
      assertPublicDestination('https://mixed.example/', { allowPrivate: false, resolve: mixed }),
    ).rejects.toThrow(EgressRefusedError);
    const publicOnly: Resolver = async () => [{ address: '93.184.215.14', family: 4 }];
    await expect(
      assertPublicDestination('https://public.example/', { allowPrivate: false, resolve: publicOnly }),
    ).resolves.toBeUndefined();
  });

  test('allowPrivate lets loopback through, and a redirect is returned, never followed', async () => {
    const res = await egressFetch(`http://localhost:${port}/hop`, { redirect: 'follow' }, { allowPrivate: true });
    expect(res.status).toBe(302);
    expect(res).toBeInstanceOf(Response);
    expect(hits).toEqual(['/hop']);
    const ok = await egressFetch(`http://127.0.0.1:${port}/plain`, {}, { allowPrivate: true });
    expect(await ok.text()).toBe('hello');
  });
});
