/** Accounts and what each role may do. The core enforces it; the UI only follows. */
export const ROLES = ['admin', 'clerk', 'readonly'] as const
export type Role = (typeof ROLES)[number]
export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', clerk: '经办人', readonly: '只读' }

/** What an operation needs when accounts are on: 'open' (always allowed), 'read', 'write' or 'admin'. */
export type Permission = 'open' | 'read' | 'write' | 'admin'

const OPEN = ['app.info', 'accounts.status', 'accounts.login', 'accounts.logout', 'accounts.setup']
const READ = [
  'villages.list', 'households.list', 'households.get', 'households.statusEvents', 'households.statusAt', 'households.changes',
  'imports.list', 'backups.list', 'assistance.household', 'assistance.helpers', 'assistance.helperHouseholds',
  'assistance.units', 'assistance.helper', 'assistance.openWishes',
  'projects.list', 'projects.get', 'projects.assets', 'projects.exportAssets', 'projects.unitContribution', 'projects.units',
  'projects.importPreview', 'projects.export',
  'forms.householdCards', 'forms.householdCardsJob', 'forms.projectNotice', 'forms.beneficiaryNotice', 'forms.noticeXlsx',
  'forms.unitHandoverXlsx', 'roster.preview', 'roster.issuesReport', 'roster.export', 'privacy.revealId',
  // Any signed-in person: cancelling their own long work, changing their own password.
  'jobs.cancel', 'accounts.changePassword',
]
const ADMIN = [
  'backups.restore', 'backups.setDir', 'accounts.list', 'accounts.add', 'accounts.update', 'accounts.resetPassword',
  'accounts.setIdle', 'accounts.turnOff', 'audit.list', 'audit.export',
]

/** Anything not listed writes: a new operation is guarded until someone decides otherwise. */
export function permissionOf(op: string): Permission {
  if (OPEN.includes(op)) return 'open'
  if (READ.includes(op)) return 'read'
  if (ADMIN.includes(op)) return 'admin'
  return 'write'
}

export function allows(role: Role, needed: Permission): boolean {
  if (needed === 'open' || needed === 'read') return true
  if (needed === 'write') return role !== 'readonly'
  return role === 'admin'
}

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
