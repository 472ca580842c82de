import { scrypt } from 'node:crypto';

/**
 * scrypt's cost: N = 2^ln, block size r, parallelism p. Memory per hash is 128 × N × r bytes; the
 * work is that times p. Node runs `crypto.scrypt` on libuv's thread pool (4 threads by default), so
 * at most four hashes hold their memory at once whatever the sign-in rate.
 */
export interface ScryptCost {
  ln: number;
  r: number;
  p: number;
}

/**
 * scrypt through Node's `crypto.scrypt`, whose `maxmem` (32 MiB by default) would refuse the
 * production cost: allow what the parameters need.
 */
export function scryptKey(password: Buffer, salt: Buffer, c: ScryptCost, keyLength: number): Promise<Buffer> {
  const N = 2 ** c.ln;
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keyLength, { N, r: c.r, p: c.p, maxmem: 256 * N * c.r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}
