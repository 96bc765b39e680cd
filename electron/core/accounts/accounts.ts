/**
 * Office accounts. Passwords are kept only as scrypt hashes with a random salt
 * and their parameters (so older hashes still verify), computed off the main
 * thread. Wrong passwords lock the account, and the client they came from, for
 * growing times; an unknown username locks exactly like a real one, so the
 * answers never tell which names exist. Failed sign-ins are logged for 管理员.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { ROLE_LABELS, type AccountView, type FailedLogin, type Role } from '../../../shared/api/accounts'
import { LedgerError } from '../../../shared/api/result'
import { passwordMessage } from '../../../shared/domain/accounts-passwords'
import type { Ledger } from '../db/open'
import type { Session } from './session'

/** scrypt cost: 2^17 (128 MiB of memory per hash, r = 8). */
export const SCRYPT_N = 2 ** 17
const R = 8
const P = 1
const KEY = 64
const MAX_N = 2 ** 20
/** Wrong passwords in a row before an account (or an unknown name) locks; a client locks after twice as many. */
export const MAX_FAILURES = 5
const CLIENT_MAX_FAILURES = 10
const LOCK_SECONDS = 30
const MAX_LOCK_SECONDS = 3600

function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))))
}
/** Memory scrypt needs (128·N·r bytes) and some room; Node's default cap (32 MiB) is too small for N = 2^17. */
const maxmem = (n: number, r: number) => 128 * n * r + 16 * 1024 * 1024

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scryptAsync(password, salt, KEY, { N: SCRYPT_N, r: R, p: P, maxmem: maxmem(SCRYPT_N, R) })
  return `scrypt$${SCRYPT_N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`
}

/**
 * Compared against when the username does not exist: one scrypt of the same
 * cost as a real account's, so a wrong name takes as long as a wrong password.
 * Random bytes in a hash's format, so even the first unknown name costs no
 * extra hash to make it.
 */
const DUMMY_HASH = `scrypt$${SCRYPT_N}$${R}$${P}$${randomBytes(16).toString('base64')}$${randomBytes(KEY).toString('base64')}`

/** Verifies with the parameters stored beside the hash (older hashes were made with N = 2^14). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  const N = Number(n)
  const rr = Number(r)
  if (kind !== 'scrypt' || !salt || !hash || !Number.isInteger(N) || N < 2 || N > MAX_N || !(rr >= 1 && rr <= 32) || !(Number(p) >= 1 && Number(p) <= 16)) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N, r: rr, p: Number(p), maxmem: maxmem(N, rr) })
  return timingSafeEqual(actual, expected)
}

interface AccountRow {
  id: number
  username: string
  display_name: string
  role: Role
  password_hash: string
  disabled: number
  failed_count: number
  locked_until: string | null
}

export const view = (a: AccountRow): AccountView => ({ id: a.id, username: a.username, displayName: a.display_name, role: a.role, disabled: a.disabled === 1 })

export function accountsEnabled(ledger: Ledger): boolean {
  return (ledger.sqlite.prepare('SELECT count(*) FROM accounts').pluck().get() as number) > 0
}

export function listAccounts(ledger: Ledger): AccountView[] {
  return (ledger.sqlite.prepare('SELECT * FROM accounts ORDER BY id').all() as AccountRow[]).map(view)
}

/** The shared rule (shared/domain/accounts-passwords.ts), which the UI's forms also follow. */
function checkPassword(password: string, username?: string): void {
  const message = passwordMessage(password, username)
  if (message) throw new LedgerError('weak_password', message, 'password')
}

/** Display names are unique, so the audit trail's names cannot be confused. */
function checkDisplayName(ledger: Ledger, displayName: string, exceptId = 0): void {
  const other = ledger.sqlite.prepare('SELECT username FROM accounts WHERE display_name = ? AND id <> ?').pluck().get(displayName, exceptId) as string | undefined
  if (other !== undefined) {
    throw new LedgerError('display_name_taken', `姓名「${displayName}」已被账户「${other}」使用。请加上区分，如「${displayName}（二组）」。`, 'displayName')
  }
}

/** `first`: the first account (setup), refused if another call set one up while this one was hashing. */
export async function addAccount(
  ledger: Ledger,
  actor: string,
  input: { username: string; displayName: string; role: Role; password: string },
  options: { first?: boolean } = {},
): Promise<AccountView> {
  checkPassword(input.password, input.username)
  if (ledger.sqlite.prepare('SELECT 1 FROM accounts WHERE username = ?').get(input.username)) {
    throw new LedgerError('username_taken', `用户名「${input.username}」已被使用，请换一个。`, 'username')
  }
  checkDisplayName(ledger, input.displayName)
  const passwordHash = await hashPassword(input.password)
  // Checked again after the hash: another call may have taken the name meanwhile.
  if (options.first && accountsEnabled(ledger)) throw new LedgerError('already_set_up', '账户已经设置过了。请用管理员账户登录后在「账户与日志」页新增。')
  if (ledger.sqlite.prepare('SELECT 1 FROM accounts WHERE username = ?').get(input.username)) {
    throw new LedgerError('username_taken', `用户名「${input.username}」已被使用，请换一个。`, 'username')
  }
  checkDisplayName(ledger, input.displayName)
  const id = ledger.write.run({ actor }, (w) =>
    w.insert('accounts', { username: input.username, display_name: input.displayName, role: input.role, password_hash: passwordHash }),
  )
  return view(ledger.sqlite.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow)
}

/** Seconds of lockout after `failures` wrong passwords in a row: 30 s at the threshold, doubling each further run, at most an hour. */
export function lockSeconds(failures: number, threshold = MAX_FAILURES): number {
  if (failures < threshold || failures % threshold !== 0) return 0
  return Math.min(MAX_LOCK_SECONDS, LOCK_SECONDS * 2 ** (failures / threshold - 1))
}

/** Unknown usernames, counted like accounts so that both answer alike. Per ledger, in memory, bounded. */
const unknownNames = new WeakMap<Ledger, Map<string, { failed: number; lockedUntil: number }>>()

const lockedMessage = (seconds: number) => `密码已连续输错多次，请等 ${seconds} 秒后再试。`

function logFailure(ledger: Ledger, client: Session | undefined, username: string, detail: string, now: Date): void {
  const where = client ? `第 ${client.no} 号窗口` : '本机'
  ledger.sqlite
    .prepare('INSERT INTO access_log (at, actor, action, detail) VALUES (?, ?, ?, ?)')
    .run(now.toISOString(), username, 'login_failed', `${where}：${detail}`)
}

/**
 * Checks a sign-in. `client` is the session it came from (its own lockout). The
 * order keeps names secret: locks first, then the password (against a dummy
 * hash for an unknown name), and only a right password learns of 停用.
 */
export async function login(ledger: Ledger, username: string, password: string, client?: Session, now = new Date()): Promise<AccountView> {
  const t = now.getTime()
  if (client && client.lockedUntil > t) throw new LedgerError('account_locked', lockedMessage(Math.ceil((client.lockedUntil - t) / 1000)))
  const a = ledger.sqlite.prepare('SELECT * FROM accounts WHERE username = ?').get(username) as AccountRow | undefined
  let unknown = unknownNames.get(ledger)
  if (!unknown) unknownNames.set(ledger, (unknown = new Map()))
  const ghost = a ? undefined : (unknown.get(username) ?? { failed: 0, lockedUntil: 0 })
  const lockedUntil = a ? (a.locked_until ? Date.parse(a.locked_until) : 0) : ghost!.lockedUntil
  if (lockedUntil > t) {
    logFailure(ledger, client, username, '账户锁定中仍尝试登录', now)
    throw new LedgerError('account_locked', lockedMessage(Math.ceil((lockedUntil - t) / 1000)))
  }
  const right = await verifyPassword(password, a ? a.password_hash : DUMMY_HASH)
  if (!right || !a) {
    // Counted after the hash, from the stored count: concurrent attempts all count.
    let failed: number
    if (a) {
      failed = ledger.sqlite.prepare('UPDATE accounts SET failed_count = failed_count + 1 WHERE id = ? RETURNING failed_count').pluck().get(a.id) as number
    } else {
      const g = unknown.get(username) ?? ghost!
      failed = ++g.failed
      unknown.delete(username)
      unknown.set(username, g)
      if (unknown.size > 1000) unknown.delete(unknown.keys().next().value!)
    }
    const seconds = lockSeconds(failed)
    if (seconds) {
      const until = t + seconds * 1000
      if (a) ledger.sqlite.prepare('UPDATE accounts SET locked_until = ? WHERE id = ?').run(new Date(until).toISOString(), a.id)
      else unknown.get(username)!.lockedUntil = until
    }
    let clientSeconds = 0
    if (client) {
      client.failures++
      clientSeconds = lockSeconds(client.failures, CLIENT_MAX_FAILURES)
      if (clientSeconds) client.lockedUntil = t + clientSeconds * 1000
    }
    logFailure(ledger, client, username, `密码不正确（连续第 ${failed} 次）${seconds ? `，锁定 ${seconds} 秒` : ''}${clientSeconds ? `，该窗口锁定 ${clientSeconds} 秒` : ''}`, now)
    const wait = Math.max(seconds, clientSeconds)
    if (wait) throw new LedgerError('account_locked', `用户名或密码不正确。${lockedMessage(wait)}`, 'password')
    throw new LedgerError('login_failed', '用户名或密码不正确。', 'password')
  }
  if (a.disabled) throw new LedgerError('account_disabled', '这个账户已停用，请联系管理员。')
  ledger.sqlite.prepare('UPDATE accounts SET failed_count = 0, locked_until = NULL WHERE id = ?').run(a.id)
  if (client) {
    client.failures = 0
    client.lockedUntil = 0
  }
  return view(a)
}

/** The latest failed sign-ins, newest first, for 管理员. */
export function failedLogins(ledger: Ledger, limit = 200): FailedLogin[] {
  return (
    ledger.sqlite.prepare("SELECT id, at, actor, detail FROM access_log WHERE action = 'login_failed' ORDER BY id DESC LIMIT ?").all(limit) as {
      id: number
      at: string
      actor: string
      detail: string
    }[]
  ).map((r) => {
    // Written by logFailure as 「client：reason」.
    const cut = r.detail.indexOf('：')
    return { id: r.id, at: r.at, username: r.actor, client: cut < 0 ? '' : r.detail.slice(0, cut), reason: cut < 0 ? r.detail : r.detail.slice(cut + 1) }
  })
}

function row(ledger: Ledger, id: number): AccountRow {
  const a = ledger.sqlite.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined
  if (!a) throw new LedgerError('not_found', `账户 #${id} 不存在，可能已被删除。请刷新后重试。`)
  return a
}

/**
 * An administrator changes another account's name, role or 停用. At least one
 * active administrator must remain, and nobody can lock themselves out.
 */
export function updateAccount(
  ledger: Ledger,
  actor: string,
  currentId: number | undefined,
  id: number,
  patch: { displayName?: string; role?: Role; disabled?: boolean },
): AccountView {
  const a = row(ledger, id)
  const role = patch.role ?? a.role
  const disabled = patch.disabled ?? a.disabled === 1
  if (patch.displayName !== undefined) checkDisplayName(ledger, patch.displayName, id)
  if (id === currentId && disabled) throw new LedgerError('self_disable', '不能停用自己正在使用的账户。', 'disabled')
  if (id === currentId && role !== 'admin') {
    throw new LedgerError('self_demote', '不能把自己正在使用的账户改为其他角色。请用另一个管理员账户修改。', 'role')
  }
  if (a.role === 'admin' && !a.disabled && (role !== 'admin' || disabled)) {
    const others = ledger.sqlite.prepare("SELECT count(*) FROM accounts WHERE role = 'admin' AND disabled = 0 AND id <> ?").pluck().get(id) as number
    if (others === 0) throw new LedgerError('last_admin', `「${a.display_name}」是唯一的${ROLE_LABELS.admin}，不能停用或改为其他角色。请先设另一个管理员。`, 'role')
  }
  ledger.write.run({ actor }, (w) =>
    w.update('accounts', id, {
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      role,
      disabled: disabled ? 1 : 0,
    }),
  )
  return view(row(ledger, id))
}

/** An administrator sets a new password (the clerk forgot theirs); it also lifts a lockout. */
export async function resetPassword(ledger: Ledger, actor: string, id: number, password: string): Promise<void> {
  checkPassword(password, row(ledger, id).username)
  const passwordHash = await hashPassword(password)
  row(ledger, id)
  ledger.write.run({ actor }, (w) => w.update('accounts', id, { password_hash: passwordHash, failed_count: 0, locked_until: null }))
}

/** Anyone signed in changes their own password, proving the old one. */
export async function changeOwnPassword(ledger: Ledger, actor: string, id: number, oldPassword: string, newPassword: string): Promise<void> {
  if (!(await verifyPassword(oldPassword, row(ledger, id).password_hash))) throw new LedgerError('login_failed', '原密码不正确。', 'oldPassword')
  await resetPassword(ledger, actor, id, newPassword)
}

/** Back to single-user mode: every account is removed, after the administrator proves their password. */
export async function turnOff(ledger: Ledger, actor: string, adminId: number, password: string): Promise<void> {
  if (!(await verifyPassword(password, row(ledger, adminId).password_hash))) throw new LedgerError('login_failed', '管理员密码不正确。', 'password')
  ledger.write.run({ actor }, (w) => w.deleteWhere('accounts', '1 = 1', []))
}

export { idleMinutes, setIdleMinutes } from './idle'
