import { LedgerError } from '../../../shared/api/result'
import { accountsEnabled, addAccount, listAccounts, login } from '../accounts/accounts'
import { auditLog, exportAuditLog } from '../accounts/audit-log'
import { SINGLE_USER } from '../create-core'
import type { HandlerMap } from './types'

export const IDLE_MINUTES = 15

export const accountHandlers: HandlerMap<
  'accounts.status' | 'accounts.login' | 'accounts.logout' | 'accounts.setup' | 'accounts.list' | 'accounts.add' | 'audit.list' | 'audit.export'
> = {
  'audit.list': (input, { ledger }) => auditLog(ledger, input),
  'audit.export': async (input, { ledger, files }) => {
    const out = files.create(`修改记录-${new Date().toISOString().slice(0, 10)}.xlsx`)
    await exportAuditLog(ledger, input, out.path)
    return { fileId: out.id, name: out.name }
  },
  'accounts.status': (_input, ctx) => ({ enabled: accountsEnabled(ctx.ledger), current: ctx.account, idleMinutes: IDLE_MINUTES }),
  'accounts.login': ({ username, password }, ctx) => {
    const account = login(ctx.ledger, username, password)
    ctx.account = account
    ctx.actor = account.displayName
    return account
  },
  'accounts.logout': (_input, ctx) => {
    ctx.account = null
    ctx.actor = SINGLE_USER
    return { signedOut: true as const }
  },
  /** The first account: an administrator, signed in at once. Refused once accounts exist. */
  'accounts.setup': (input, ctx) => {
    if (accountsEnabled(ctx.ledger)) throw new LedgerError('already_set_up', '账户已经设置过了。请用管理员账户登录后在「账户」页新增。')
    const account = addAccount(ctx.ledger, ctx.actor, { ...input, role: 'admin' })
    ctx.account = account
    ctx.actor = account.displayName
    return account
  },
  'accounts.list': (_input, { ledger }) => listAccounts(ledger),
  'accounts.add': (input, { ledger, actor }) => addAccount(ledger, actor, input),
}
