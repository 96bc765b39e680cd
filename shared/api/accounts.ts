/** Accounts and what each role may do. The core enforces it; the UI only follows. */
import { z } from 'zod'
import { MIN_PASSWORD_LENGTH } from '../domain/accounts-passwords'
import type { ProducedFile } from './files'
import { id, none, op, type Permission } from './op'

export const ROLES = ['admin', 'clerk', 'readonly'] as const
export type Role = (typeof ROLES)[number]
export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', clerk: '经办人', readonly: '只读' }

/** Whether a role may run an operation that needs `needed`. */
export function allows(role: Role, needed: Permission): boolean {
  if (needed === 'open' || needed === 'read') return true
  if (needed === 'write') return role !== 'readonly'
  return role === 'admin'
}

/**
 * Exporting or printing full ID numbers and phones (the `unmasked` / `fullIds` choice of a read
 * operation such as households.export, credit.export or forms.householdCards) needs this much:
 * the core refuses it to 只读, and the UI offers it only where `allows(role, UNMASK_PERMISSION)`.
 */
export const UNMASK_PERMISSION: Permission = 'write'

export interface AccountView {
  id: number
  username: string
  displayName: string
  role: Role
  disabled: boolean
}

export interface AccountsStatus {
  /** Accounts exist: every operation but the open ones needs a signed-in person. */
  enabled: boolean
  current: AccountView | null
  /** Minutes without input before the app locks itself; set by an administrator. */
  idleMinutes: number
}

/** A failed sign-in, as 管理员 sees it. */
export interface FailedLogin {
  id: number
  at: string
  /** The name typed (an account's or not). */
  username: string
  /** Where it came from: 「第 3 号窗口」 (a browser window, or the desktop app's one window). */
  client: string
  /** What happened: wrong password (how many in a row), lockouts, or an attempt while locked. */
  reason: string
}

export const IDLE_MINUTES_DEFAULT = 15
export const IDLE_MINUTES_MAX = 240

/** What the audit list returns besides the entries: the choices for its filters. */
export interface AuditPage {
  entries: AuditEntry[]
  total: number
  actors: string[]
  tables: { value: string; label: string }[]
}

export interface AuditQuery {
  actor?: string
  /** A table name from the audit trail (households, members, accounts…). */
  table?: string
  /** ISO dates, inclusive. */
  from?: string
  to?: string
  page: number
  pageSize: number
}

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  record: string
  field: string | null
  oldValue: string | null
  newValue: string | null
}

/** A new password: its length checked here, the whole rule (shared/domain/accounts-passwords.ts) in the core. */
const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(200)
/** What the access log records: reads that expose private data, and failed sign-ins. */
export const ACCESS_ACTIONS = { reveal_id: '显示完整号码', export_unmasked: '导出完整号码', print_unmasked: '打印完整号码', login_failed: '登录失败' } as const
export type AccessAction = keyof typeof ACCESS_ACTIONS

export interface AccessLogQuery {
  actor?: string
  action?: AccessAction
  /** ISO dates, inclusive. */
  from?: string
  to?: string
  page: number
  pageSize: number
}

export interface AccessEntry {
  id: number
  at: string
  actor: string
  /** In Chinese (显示完整号码 …). */
  action: string
  detail: string
}

export interface AccessLogPage {
  entries: AccessEntry[]
  total: number
  actors: string[]
}

const AccessLogQueryInput = z.object({
  actor: z.string().max(80).optional(),
  action: z.enum(['reveal_id', 'export_unmasked', 'print_unmasked', 'login_failed']).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
})

const AuditQueryInput = z.object({
  actor: z.string().max(40).optional(),
  table: z.string().max(40).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
})

export const accountsOps = {
  'accounts.status': op<AccountsStatus>()(none, 'open'),
  /** The page says someone is using it: keeps the sign-in alive (open operations do not). */
  'accounts.ping': op<AccountsStatus>()(none, 'read'),
  'accounts.login': op<AccountView>()(z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }), 'open'),
  'accounts.logout': op<{ signedOut: true }>()(none, 'open'),
  /** The first account (an administrator); turns accounts on. */
  'accounts.setup': op<AccountView>()(
    z.object({ username: z.string().trim().min(2).max(40), displayName: z.string().trim().min(1).max(20), password: newPassword }),
    'open',
  ),
  'accounts.list': op<AccountView[]>()(none, 'admin'),
  /** The latest failed sign-ins (name typed, window, how many in a row, lockouts). */
  'accounts.failedLogins': op<FailedLogin[]>()(none, 'admin'),
  /** The audit trail, for administrators. */
  'accounts.audit': op<AuditPage>()(AuditQueryInput, 'admin'),
  /** All entries matching the filter (paging ignored) to .xlsx. */
  'accounts.exportAudit': op<ProducedFile>()(AuditQueryInput, 'admin'),
  /** 访问日志: who revealed or exported full ID numbers and phones, and failed sign-ins. */
  'accounts.accessLog': op<AccessLogPage>()(AccessLogQueryInput, 'admin'),
  'accounts.exportAccessLog': op<ProducedFile>()(AccessLogQueryInput, 'admin'),
  'accounts.add': op<AccountView>()(
    z.object({
      username: z.string().trim().min(2).max(40),
      displayName: z.string().trim().min(1).max(20),
      role: z.enum(ROLES),
      password: newPassword,
    }),
    'admin',
  ),
  /** An administrator renames, changes the role of, or 停用/启用 an account. */
  'accounts.update': op<AccountView>()(
    z.object({ id, displayName: z.string().trim().min(1).max(20).optional(), role: z.enum(ROLES).optional(), disabled: z.boolean().optional() }),
    'admin',
  ),
  /** An administrator sets a new password for an account (also lifts a lockout). */
  'accounts.resetPassword': op<{ reset: true }>()(z.object({ id, password: newPassword }), 'admin'),
  /** The signed-in person changes their own password. */
  'accounts.changePassword': op<{ changed: true }>()(z.object({ oldPassword: z.string().min(1).max(200), password: newPassword }), 'read'),
  /** Minutes without input before the app locks itself. */
  'accounts.setIdle': op<{ idleMinutes: number }>()(z.object({ idleMinutes: z.number().int().min(1).max(IDLE_MINUTES_MAX) }), 'admin'),
  /** Back to single-user mode (all accounts removed); needs the administrator's password. */
  'accounts.turnOff': op<{ turnedOff: true }>()(z.object({ password: z.string().min(1).max(200) }), 'admin'),
}
