import { X509Certificate, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';

/** An RSA key pair with a self-signed certificate, all PEM. */
export interface KeyAndCertificate {
  privateKeyPem: string;
  certificatePem: string;
}

/**
 * Generates an RSA-2048 key (Node's native generator) and a self-signed X.509 v3 certificate
 * (sha256WithRSAEncryption) for `cn`, valid from one day before `now` for `years` years; dev IdP
 * signing only. Node can parse and verify certificates but not create them: node-forge builds and
 * signs this one. It is loaded on the first call, so only a server started with `--dev` ever loads it
 * (cli/process.test.ts).
 * @example const { privateKeyPem, certificatePem } = await createSelfSignedCertificate('OrgAuth dev IdP', Date.now());
 */
export async function createSelfSignedCertificate(cn: string, now: number, years = 10): Promise<KeyAndCertificate> {
  const { pki, md } = (await import('node-forge')).default;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const certificate = pki.createCertificate();
  certificate.publicKey = pki.publicKeyFromPem(publicKeyPem);
  // A positive 128-bit serial: the top bit cleared, forge encodes the rest minimally.
  certificate.serialNumber = `01${randomBytes(16).toString('hex')}`;
  certificate.validity.notBefore = new Date(now - 86_400_000);
  certificate.validity.notAfter = new Date(now + years * 365 * 86_400_000);
  const name = [{ shortName: 'CN', value: cn }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(pki.privateKeyFromPem(privateKeyPem), md.sha256.create());
  // forge ends PEM lines with CRLF; stored and compared certificates use LF, like Node's exports.
  const certificatePem = pki.certificateToPem(certificate).replace(/\r\n/g, '\n');
  // Parse it back with Node: a malformed encoding must fail here, not later inside an SP's verifier.
  if (!new X509Certificate(certificatePem).verify(createPublicKey(privateKey)))
    throw new Error('self-signed certificate does not verify');
  return { privateKeyPem, certificatePem };
}

/** The base64 body of a PEM certificate (what SAML metadata's `<ds:X509Certificate>` holds). */
export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}
