/**
 * Office accounts. Passwords are kept only as scrypt hashes with a random
 * salt; a run of wrong passwords locks the account for a while.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { IDLE_MINUTES_DEFAULT, IDLE_MINUTES_MAX, ROLE_LABELS, type AccountView, type Role } from '../../../shared/api/accounts'
import { LedgerError } from '../../../shared/api/result'
import type { Ledger } from '../db/open'

const N = 16384
const R = 8
const P = 1
const KEY = 64
const MAX_FAILURES = 5
const LOCK_SECONDS = 30

export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(password, salt, KEY, { N, r: R, p: P })
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`
}

/** Compared against when the username does not exist, so a wrong name takes as long as a wrong password. */
let dummyHash: string | undefined

export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) })
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

function checkPassword(password: string): void {
  if (password.length < 6) throw new LedgerError('weak_password', '密码至少需要 6 个字符。', 'password')
}

export function addAccount(ledger: Ledger, actor: string, input: { username: string; displayName: string; role: Role; password: string }): AccountView {
  checkPassword(input.password)
  if (ledger.sqlite.prepare('SELECT 1 FROM accounts WHERE username = ?').get(input.username)) {
    throw new LedgerError('username_taken', `用户名「${input.username}」已被使用，请换一个。`, 'username')
  }
  const id = ledger.write.run({ actor }, (w) =>
    w.insert('accounts', { username: input.username, display_name: input.displayName, role: input.role, password_hash: hashPassword(input.password) }),
  )
  return view(ledger.sqlite.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow)
}

export function login(ledger: Ledger, username: string, password: string, now = new Date()): AccountView {
  const a = ledger.sqlite.prepare('SELECT * FROM accounts WHERE username = ?').get(username) as AccountRow | undefined
  const wrong = new LedgerError('login_failed', '用户名或密码不正确。', 'password')
  if (!a) {
    verifyPassword(password, (dummyHash ??= hashPassword(randomBytes(16).toString('hex'))))
    throw wrong
  }
  if (a.disabled) throw new LedgerError('account_disabled', '这个账户已停用，请联系管理员。')
  if (a.locked_until && a.locked_until > now.toISOString()) {
    const seconds = Math.ceil((Date.parse(a.locked_until) - now.getTime()) / 1000)
    throw new LedgerError('account_locked', `密码已连续输错 ${MAX_FAILURES} 次，请等 ${seconds} 秒后再试。`)
  }
  // Failed attempts are counted without the write path: they are not changes to the ledger.
  if (!verifyPassword(password, a.password_hash)) {
    const failed = a.failed_count + 1
    const locks = failed >= MAX_FAILURES
    const lockedUntil = locks ? new Date(now.getTime() + LOCK_SECONDS * 1000).toISOString() : null
    ledger.sqlite.prepare('UPDATE accounts SET failed_count = ?, locked_until = ? WHERE id = ?').run(locks ? 0 : failed, lockedUntil, a.id)
    if (locks) throw new LedgerError('account_locked', `用户名或密码不正确。已连续输错 ${MAX_FAILURES} 次，请等 ${LOCK_SECONDS} 秒后再试。`, 'password')
    throw wrong
  }
  ledger.sqlite.prepare('UPDATE accounts SET failed_count = 0, locked_until = NULL WHERE id = ?').run(a.id)
  return view(a)
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
export function resetPassword(ledger: Ledger, actor: string, id: number, password: string): void {
  checkPassword(password)
  row(ledger, id)
  ledger.write.run({ actor }, (w) => w.update('accounts', id, { password_hash: hashPassword(password), failed_count: 0, locked_until: null }))
}

/** Anyone signed in changes their own password, proving the old one. */
export function changeOwnPassword(ledger: Ledger, actor: string, id: number, oldPassword: string, newPassword: string): void {
  if (!verifyPassword(oldPassword, row(ledger, id).password_hash)) throw new LedgerError('login_failed', '原密码不正确。', 'oldPassword')
  resetPassword(ledger, actor, id, newPassword)
}

/** Back to single-user mode: every account is removed, after the administrator proves their password. */
export function turnOff(ledger: Ledger, actor: string, adminId: number, password: string): void {
  if (!verifyPassword(password, row(ledger, adminId).password_hash)) throw new LedgerError('login_failed', '管理员密码不正确。', 'password')
  ledger.write.run({ actor }, (w) => w.deleteWhere('accounts', '1 = 1', []))
}

const IDLE_KEY = 'accounts.idleMinutes'

export function idleMinutes(ledger: Ledger): number {
  const v = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(IDLE_KEY) as string | undefined
  const n = Number(v)
  return v && Number.isInteger(n) && n >= 1 && n <= IDLE_MINUTES_MAX ? n : IDLE_MINUTES_DEFAULT
}

/** Stored like the backup folder: settings has no id, so the row and its audit row are written here in one transaction. */
export function setIdleMinutes(ledger: Ledger, actor: string, minutes: number, now = new Date()): number {
  ledger.write.run({ actor }, () => {
    const old = ledger.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(IDLE_KEY) as string | undefined
    if (old === String(minutes)) return
    ledger.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(IDLE_KEY, String(minutes))
    ledger.sqlite
      .prepare('INSERT INTO audit_log (at, actor, action, table_name, record_id, field, old_value, new_value, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(now.toISOString(), actor, old === undefined ? 'insert' : 'update', 'settings', 0, IDLE_KEY, old ?? null, String(minutes), null)
  })
  return idleMinutes(ledger)
}
