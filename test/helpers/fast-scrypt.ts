/**
 * For unit tests of accounts: scrypt at the app's cost (N = 2^17) takes about
 * half a second per hash on a busy 2-core machine. `withFastScrypt` wraps
 * node:crypto so that hashes at that cost are computed at N = 2^10 instead
 * (the stored hash still says 2^17; other N, e.g. old 2^14 hashes, run as
 * given). Use it in a test file with
 *   vi.mock('node:crypto', async (orig) => (await import('../../helpers/fast-scrypt')).withFastScrypt(await orig()))
 * The cost itself is tested at the real N in test/unit/accounts/login-hardening.test.ts.
 */
import type * as Crypto from 'node:crypto'

const APP_N = 2 ** 17

export function withFastScrypt(real: typeof Crypto): typeof Crypto {
  const scrypt = ((password: Crypto.BinaryLike, salt: Crypto.BinaryLike, keylen: number, options: Crypto.ScryptOptions, done: (err: Error | null, key: Buffer) => void) =>
    real.scrypt(password, salt, keylen, options.N === APP_N ? { ...options, N: 1024 } : options, done)) as typeof Crypto.scrypt
  return { ...real, default: { ...real, scrypt }, scrypt } as typeof Crypto
}
