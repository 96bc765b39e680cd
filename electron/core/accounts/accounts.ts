/**
 * Office accounts. Passwords are kept only as scrypt hashes with a random
 * salt; a run of wrong passwords locks the account for a while.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import type { AccountView, Role } from '../../../shared/api/accounts'
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
  if (!a) throw wrong
  if (a.disabled) throw new LedgerError('account_disabled', '这个账户已停用，请联系管理员。')
  if (a.locked_until && a.locked_until > now.toISOString()) {
    throw new LedgerError('account_locked', `密码错误次数过多，请 ${LOCK_SECONDS} 秒后再试。`)
  }
  // Failed attempts are counted without the write path: they are not changes to the ledger.
  if (!verifyPassword(password, a.password_hash)) {
    const failed = a.failed_count + 1
    const lockedUntil = failed >= MAX_FAILURES ? new Date(now.getTime() + LOCK_SECONDS * 1000).toISOString() : null
    ledger.sqlite.prepare('UPDATE accounts SET failed_count = ?, locked_until = ? WHERE id = ?').run(failed >= MAX_FAILURES ? 0 : failed, lockedUntil, a.id)
    throw wrong
  }
  ledger.sqlite.prepare('UPDATE accounts SET failed_count = 0, locked_until = NULL WHERE id = ?').run(a.id)
  return view(a)
}
