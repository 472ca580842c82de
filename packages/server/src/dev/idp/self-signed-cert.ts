import { X509Certificate, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

// A minimal DER encoder: enough ASN.1 to build one X.509 v3 certificate without a dependency
// (Node can verify and parse certificates, but cannot create them).
function der(tag: number, body: Buffer): Buffer {
  const n = body.length;
  if (n < 0x80) return Buffer.concat([Buffer.from([tag, n]), body]);
  const len: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) len.unshift(rest & 0xff);
  return Buffer.concat([Buffer.from([tag, 0x80 | len.length, ...len]), body]);
}
const seq = (...items: Buffer[]) => der(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => der(0x31, Buffer.concat(items));
const NULL = Buffer.from([0x05, 0x00]);

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const part of rest) {
    const chunk: number[] = [];
    for (let v = part; ; v = Math.floor(v / 128)) {
      chunk.unshift((v % 128) | (chunk.length > 0 ? 0x80 : 0));
      if (v < 128) break;
    }
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

/**
 * DER INTEGER of the unsigned big-endian `bytes`, minimally encoded: leading zero bytes dropped (a
 * random serial starting 0x00 0x1f would otherwise be "illegal padding", about 1 in 512 certificates),
 * then one zero byte put back when the top bit is set, which would make it negative.
 */
export function positiveInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const body = bytes.subarray(start);
  return der(0x02, (body[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), body]) : Buffer.from(body.length === 0 ? [0] : body));
}

function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  // RFC 5280: UTCTime through 2049, GeneralizedTime from 2050.
  return date.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(iso.slice(2))) : der(0x18, Buffer.from(iso));
}

const commonName = (cn: string) => seq(set(seq(oid('2.5.4.3'), der(0x0c, Buffer.from(cn, 'utf8')))));

/** An RSA key pair with a self-signed certificate, all PEM. */
export interface KeyAndCertificate {
  privateKeyPem: string;
  certificatePem: string;
}

/**
 * Generates an RSA-2048 key and a self-signed X.509 v3 certificate (sha256WithRSAEncryption) for
 * `cn`, valid from one day before `now` for `years` years. Dev IdP signing only: no extensions.
 * @example const { privateKeyPem, certificatePem } = createSelfSignedCertificate('OrgAuth dev IdP', Date.now());
 */
export function createSelfSignedCertificate(cn: string, now: number, years = 10): KeyAndCertificate {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const algorithm = seq(oid('1.2.840.113549.1.1.11'), NULL);
  const notBefore = new Date(now - 86_400_000);
  const notAfter = new Date(now + years * 365 * 86_400_000);
  const tbs = seq(
    der(0xa0, positiveInteger(Buffer.from([2]))),
    positiveInteger(randomBytes(16)),
    algorithm,
    commonName(cn),
    seq(time(notBefore), time(notAfter)),
    commonName(cn),
    spki,
  );
  const signature = sign('sha256', tbs, privateKey);
  const certificate = seq(tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const certificatePem = `-----BEGIN CERTIFICATE-----\n${certificate.toString('base64').replace(/.{64}/g, '$&\n').trim()}\n-----END CERTIFICATE-----\n`;
  // Parse it back: a malformed encoding must fail here, not later inside an SP's verifier.
  const parsed = new X509Certificate(certificatePem);
  if (!parsed.verify(createPublicKey(privateKey))) throw new Error('self-signed certificate does not verify');
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), certificatePem };
}

/** The base64 body of a PEM certificate (what SAML metadata's `<ds:X509Certificate>` holds). */
export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}
