/**
 * Sign-in hardening (issue 14, item 9): growing lockouts per account and per
 * client, unknown usernames answering exactly like real ones, the password rule,
 * unique display names, scrypt off the event loop at N ≥ 2^17, old hashes.
 *
 * scrypt is wrapped to count its calls and their cost parameters; most tests
 * run it at N = 2^10 (`cost.fast`) so that dozens of wrong passwords take
 * milliseconds. The tests of the real cost switch `fast` off.
 */
import { scryptSync } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { dispatch } from '../../../electron/core/dispatch'
import { failedLogins, hashPassword, lockSeconds, login, SCRYPT_N } from '../../../electron/core/accounts/accounts'
import type { Session } from '../../../electron/core/accounts/session'
import { PASSWORD_PROBLEM_MESSAGES, passwordMessage } from '../../../shared/domain/accounts-passwords'
import { testCore } from '../../helpers/core'

const cost = vi.hoisted(() => ({ fast: true, calls: [] as { N: number; r: number; p: number }[] }))

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>()
  const scrypt = (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem?: number }, done: (err: Error | null, key: Buffer) => void) => {
    cost.calls.push({ N: options.N, r: options.r, p: options.p })
    real.scrypt(password, salt, keylen, cost.fast ? { ...options, N: 1024 } : options, done)
  }
  return { ...real, default: { ...real, scrypt }, scrypt }
})

const cores: CoreContext[] = []
beforeEach(() => {
  cost.fast = true
  cost.calls.length = 0
})
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

const ADMIN = { username: 'admin', displayName: '张主任', password: 'Qingshan-2026!' }

async function setup() {
  const t = testCore()
  cores.push(t.core)
  const d = (name: string, input: unknown = {}, session?: Session) => dispatch(t.core, name, input, session)
  expect(await d('accounts.setup', ADMIN)).toMatchObject({ ok: true })
  await d('accounts.logout')
  return { ...t, d }
}

/** One attempt: its answer (code and message, or the account) and the scrypt calls it made. */
async function attempt(core: CoreContext, username: string, password: string, client: Session | undefined, at: number) {
  const before = cost.calls.length
  let answer: { code: string; message: string } | { signedIn: string }
  try {
    answer = { signedIn: (await login(core.ledger, username, password, client, new Date(at))).username }
  } catch (err) {
    answer = { code: (err as { code: string }).code, message: (err as Error).message }
  }
  return { answer, scrypt: cost.calls.slice(before) }
}

const T0 = new Date('2026-03-02T08:00:00Z').getTime()
const wrong = (seconds?: number) => ({
  code: seconds ? 'account_locked' : 'login_failed',
  message: seconds ? `用户名或密码不正确。密码已连续输错多次，请等 ${seconds} 秒后再试。` : '用户名或密码不正确。',
})

describe('lockouts', () => {
  it('grow per account: 30 s after 5 wrong passwords, 60 s after 10, 120 s after 15, at most an hour; a right password resets them', async () => {
    const { core } = await setup()
    const locked = () => core.ledger.sqlite.prepare('SELECT failed_count AS failed, locked_until AS until FROM accounts WHERE username = ?').get('admin') as { failed: number; until: string | null }
    let t = T0
    for (const [run, seconds] of [[1, 30], [2, 60], [3, 120]] as const) {
      for (let i = 1; i <= 5; i++) {
        const a = await attempt(core, 'admin', 'not-the-password', undefined, t)
        expect(a.answer, `run ${run}, attempt ${i}`).toEqual(wrong(i === 5 ? seconds : undefined))
      }
      expect(locked()).toEqual({ failed: run * 5, until: new Date(t + seconds * 1000).toISOString() })
      // Even the right password waits the lock out, and the wait is not counted as a failure.
      expect((await attempt(core, 'admin', ADMIN.password, undefined, t + seconds * 1000 - 1500)).answer).toEqual({
        code: 'account_locked',
        message: '密码已连续输错多次，请等 2 秒后再试。',
      })
      expect(locked().failed).toBe(run * 5)
      t += seconds * 1000 + 1
    }
    expect([20, 25, 30, 35, 40, 45].map((n) => lockSeconds(n))).toEqual([240, 480, 960, 1920, 3600, 3600])
    expect([1, 4, 6, 9].map((n) => lockSeconds(n))).toEqual([0, 0, 0, 0])
    // The right password after the lock: signed in, the count starts again from nothing.
    expect((await attempt(core, 'admin', ADMIN.password, undefined, t)).answer).toEqual({ signedIn: 'admin' })
    expect(locked()).toEqual({ failed: 0, until: null })
    for (let i = 1; i <= 5; i++) expect((await attempt(core, 'admin', 'nope-nope', undefined, t)).answer).toEqual(wrong(i === 5 ? 30 : undefined))
  })

  it('grow per client: a window trying many names locks after 10 wrong passwords (30 s, then 60 s), other windows still sign in', async () => {
    const { core } = await setup()
    const guesser = core.sessions.open()
    const office = core.sessions.open()
    // Ten different names, one try each: no account reaches its own threshold, the window does.
    for (let i = 1; i <= 10; i++) {
      expect((await attempt(core, `user${i}`, 'guess-guess', guesser, T0)).answer).toEqual(wrong(i === 10 ? 30 : undefined))
    }
    // Locked before anything is checked: no hash, whatever name and password.
    const blocked = await attempt(core, 'admin', ADMIN.password, guesser, T0 + 10_000)
    expect(blocked).toEqual({ answer: { code: 'account_locked', message: '密码已连续输错多次，请等 20 秒后再试。' }, scrypt: [] })
    expect((await attempt(core, 'admin', ADMIN.password, office, T0 + 10_000)).answer).toEqual({ signedIn: 'admin' })
    // After the wait, ten more wrong ones lock the window for twice as long.
    for (let i = 11; i <= 20; i++) {
      expect((await attempt(core, `user${i}`, 'guess-guess', guesser, T0 + 30_001)).answer).toEqual(wrong(i === 20 ? 60 : undefined))
    }
    expect((await attempt(core, 'admin', ADMIN.password, guesser, T0 + 30_001 + 59_000)).answer).toMatchObject({ code: 'account_locked' })
    expect((await attempt(core, 'admin', ADMIN.password, guesser, T0 + 30_001 + 60_001)).answer).toEqual({ signedIn: 'admin' })
    // A sign-in clears the window's count.
    expect(guesser.failures).toBe(0)
    // 管理员 sees every failure with the name typed and the window it came from.
    const log = failedLogins(core.ledger)
    expect(log).toHaveLength(20)
    expect(log[0]).toMatchObject({ username: 'user20', client: `第 ${guesser.no} 号窗口`, reason: '密码不正确（连续第 1 次），该窗口锁定 60 秒' })
    expect(log.at(-1)).toMatchObject({ username: 'user1', client: `第 ${guesser.no} 号窗口`, reason: '密码不正确（连续第 1 次）' })
  })

  it('unknown usernames lock exactly like real ones: the same answers, one scrypt of the same cost each, the same log', async () => {
    const { core } = await setup()
    const run = async (username: string) => {
      const client = core.sessions.open()
      const out = []
      for (let i = 0; i < 5; i++) out.push(await attempt(core, username, 'wrong-password', client, T0))
      out.push(await attempt(core, username, 'wrong-password', client, T0 + 10_000))
      for (let i = 0; i < 5; i++) out.push(await attempt(core, username, 'wrong-password', client, T0 + 30_001))
      return out
    }
    // The first unknown name of the process is the one most likely to differ (a dummy hash made on demand).
    const ghost = await run('ghost')
    const real = await run('admin')
    expect(ghost).toEqual(real)
    const expected = [...Array(4).fill(wrong()), wrong(30), { code: 'account_locked', message: '密码已连续输错多次，请等 20 秒后再试。' }, ...Array(4).fill(wrong()), wrong(60)]
    expect(real.map((a) => a.answer)).toEqual(expected)
    // Each checked attempt costs exactly one scrypt at the real accounts' cost; a locked one none.
    expect(real.map((a) => a.scrypt.length)).toEqual([1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1])
    expect(new Set(ghost.flatMap((a) => a.scrypt.map((c) => `${c.N}/${c.r}/${c.p}`)))).toEqual(new Set([`${SCRYPT_N}/8/1`]))
    // The log does not tell them apart either, beyond the name typed.
    const log = failedLogins(core.ledger).map(({ username, reason }) => ({ username, reason }))
    expect(log.filter((l) => l.username === 'ghost').map((l) => l.reason)).toEqual(log.filter((l) => l.username === 'admin').map((l) => l.reason))
  })

  it('a disabled account is told only after the right password, so a guess learns nothing of it', async () => {
    const { core, d } = await setup()
    await d('accounts.login', { username: 'admin', password: ADMIN.password })
    await d('accounts.add', { username: 'wang', displayName: '王查看', role: 'readonly', password: 'Chakan-Wq-303' })
    await d('accounts.update', { id: 2, disabled: true })
    expect((await attempt(core, 'wang', 'guess-guess', undefined, T0)).answer).toEqual(wrong())
    expect((await attempt(core, 'wang', 'Chakan-Wq-303', undefined, T0)).answer).toEqual({ code: 'account_disabled', message: '这个账户已停用，请联系管理员。' })
  })
})

describe('the password rule', () => {
  it('refuses short, common and username-containing passwords everywhere a password is set, with the shared words', async () => {
    const { d } = await setup()
    await d('accounts.login', { username: 'admin', password: ADMIN.password })
    const refusals: [string, unknown][] = [
      ['accounts.add', { username: 'zhangsan', displayName: '张三', role: 'clerk', password: 'Zhangsan2026' }],
      ['accounts.add', { username: 'zhangsan', displayName: '张三', role: 'clerk', password: '88888888' }],
      ['accounts.add', { username: 'zhangsan', displayName: '张三', role: 'clerk', password: 'WoAiNi1314' }],
      ['accounts.resetPassword', { id: 1, password: 'a12345678' }],
      ['accounts.resetPassword', { id: 1, password: 'my-admin-pass' }],
      ['accounts.changePassword', { oldPassword: ADMIN.password, password: 'Password1' }],
    ]
    for (const [op, input] of refusals) {
      const password = (input as { password: string }).password
      const username = (input as { username?: string }).username ?? 'admin'
      const expected = passwordMessage(password, username)
      expect(expected, password).not.toBe(null)
      expect(await d(op, input), `${op} ${password}`).toMatchObject({ ok: false, error: { code: 'weak_password', message: expected, field: 'password' } })
    }
    expect(passwordMessage('Zhangsan2026', 'zhangsan')).toBe(PASSWORD_PROBLEM_MESSAGES.contains_username)
    expect(passwordMessage('88888888')).toBe(PASSWORD_PROBLEM_MESSAGES.common)
    // Too short: refused by the operation's schema, from the same minimum.
    expect(await d('accounts.resetPassword', { id: 1, password: 'Ab1-xyz' })).toMatchObject({ ok: false, error: { message: '「密码」至少需要 8 个字符。请修改后重试。' } })
    expect(passwordMessage('Ab1-xyz')).toBe(PASSWORD_PROBLEM_MESSAGES.too_short)
    // A two-letter username is not looked for inside passwords; eight characters of anything else pass.
    expect(await d('accounts.add', { username: 'li', displayName: '李干事', role: 'clerk', password: 'Lishi-77' })).toMatchObject({ ok: true })
    expect(passwordMessage('Lishi-77', 'li')).toBe(null)
  })
})

describe('display names', () => {
  it('are unique: adding or renaming to a name another account uses is refused, naming that account', async () => {
    const { d } = await setup()
    await d('accounts.login', { username: 'admin', password: ADMIN.password })
    const taken = { ok: false, error: { code: 'display_name_taken', message: '姓名「张主任」已被账户「admin」使用。请加上区分，如「张主任（二组）」。', field: 'displayName' } }
    expect(await d('accounts.add', { username: 'zhang2', displayName: '张主任', role: 'clerk', password: 'Erzu-Zhang-55' })).toEqual(taken)
    expect(await d('accounts.add', { username: 'zhang2', displayName: '张主任（二组）', role: 'clerk', password: 'Erzu-Zhang-55' })).toMatchObject({ ok: true })
    expect(await d('accounts.update', { id: 2, displayName: '张主任' })).toEqual(taken)
    // Keeping one's own name is not a clash.
    expect(await d('accounts.update', { id: 1, displayName: '张主任' })).toMatchObject({ ok: true })
  })
})

describe('scrypt', () => {
  it('runs off the event loop at N = 2^17: a timer keeps ticking during a hash', async () => {
    cost.fast = false
    let ticks = 0
    const timer = setInterval(() => ticks++, 5)
    try {
      const started = Date.now()
      const hash = await hashPassword('Qingshan-2026!')
      const hashTicks = ticks
      const elapsed = Date.now() - started
      const [, n, r, p] = hash.split('$')
      expect({ N: Number(n), r: Number(r), p: Number(p) }).toEqual({ N: 2 ** 17, r: 8, p: 1 })
      expect(SCRYPT_N).toBeGreaterThanOrEqual(2 ** 17)
      expect(cost.calls).toEqual([{ N: 2 ** 17, r: 8, p: 1 }])
      // A hash on the main thread would let no tick through; here at least a third of the 5 ms slots ran.
      expect(hashTicks, `${hashTicks} ticks in ${elapsed} ms`).toBeGreaterThanOrEqual(Math.min(10, Math.floor(elapsed / 15)))
    } finally {
      clearInterval(timer)
    }
  })

  it('an account whose hash was made with the old N = 2^14 still signs in', async () => {
    cost.fast = false
    const { core } = testCore()
    cores.push(core)
    const salt = Buffer.from('0123456789abcdef')
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${scryptSync('Laomima-2024', salt, 64, { N: 16384, r: 8, p: 1 }).toString('base64')}`
    core.ledger.sqlite.prepare("INSERT INTO accounts (username, display_name, role, password_hash, created_at, updated_at) VALUES ('old', '老账户', 'admin', ?, ?, ?)").run(old, new Date(T0).toISOString(), new Date(T0).toISOString())
    expect((await attempt(core, 'old', 'Laomima-2024', undefined, T0)).answer).toEqual({ signedIn: 'old' })
    expect((await attempt(core, 'old', 'Laomima-2025', undefined, T0)).answer).toEqual(wrong())
    expect(cost.calls.map((c) => c.N)).toEqual([16384, 16384])
  })
})
