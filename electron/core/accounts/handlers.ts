import { LedgerError } from '../../../shared/api/result'
import {
  accountsEnabled,
  addAccount,
  failedLogins,
  changeOwnPassword,
  idleMinutes,
  listAccounts,
  login,
  resetPassword,
  setIdleMinutes,
  turnOff,
  updateAccount,
} from './accounts'
import { auditLog, exportAuditLog } from './audit-log'
import { accessLog, exportAccessLog } from './access-log'
import { signIn, signOut } from './session'
import type { CoreContext } from '../context'
import type { AreaHandlers } from '../handler-types'

/** Needed by the operations about one's own account; the dispatcher has already checked who may call them. */
function currentId(ctx: CoreContext): number {
  if (!ctx.account) throw new LedgerError('not_signed_in', '目前没有设置账户，不需要密码。请先在「账户与日志」页设置账户。')
  return ctx.account.id
}

export const accountsHandlers: AreaHandlers<'accounts'> = {
  'accounts.audit': (input, { ledger }) => auditLog(ledger, input),
  'accounts.exportAudit': async (input, { ledger, files }) => {
    const out = files.create(`修改记录-${new Date().toISOString().slice(0, 10)}.xlsx`)
    await exportAuditLog(ledger, input, out.path)
    return { fileId: out.id, name: out.name }
  },
  'accounts.accessLog': (input, { ledger }) => accessLog(ledger, input),
  'accounts.exportAccessLog': async (input, { ledger, files }) => {
    const out = files.create(`访问日志-${new Date().toISOString().slice(0, 10)}.xlsx`)
    await exportAccessLog(ledger, input, out.path)
    return { fileId: out.id, name: out.name }
  },
  'accounts.status': (_input, ctx) => ({ enabled: accountsEnabled(ctx.ledger), current: ctx.account, idleMinutes: idleMinutes(ctx.ledger) }),
  'accounts.ping': (_input, ctx) => ({ enabled: accountsEnabled(ctx.ledger), current: ctx.account, idleMinutes: idleMinutes(ctx.ledger) }),
  'accounts.login': async ({ username, password }, ctx) => {
    const account = await login(ctx.ledger, username, password, ctx.session)
    signIn(ctx, account)
    return account
  },
  'accounts.logout': (_input, ctx) => {
    signOut(ctx)
    return { signedOut: true as const }
  },
  /** The first account: an administrator, signed in at once. Refused once accounts exist. */
  'accounts.setup': async (input, ctx) => {
    if (accountsEnabled(ctx.ledger)) throw new LedgerError('already_set_up', '账户已经设置过了。请用管理员账户登录后在「账户与日志」页新增。')
    const account = await addAccount(ctx.ledger, ctx.actor, { ...input, role: 'admin' }, { first: true })
    signIn(ctx, account)
    return account
  },
  'accounts.list': (_input, { ledger }) => listAccounts(ledger),
  'accounts.failedLogins': (_input, { ledger }) => failedLogins(ledger),
  'accounts.add': (input, { ledger, actor }) => addAccount(ledger, actor, input),
  'accounts.update': ({ id, ...patch }, ctx) => {
    const account = updateAccount(ctx.ledger, ctx.actor, ctx.account?.id, id, patch)
    // Renaming oneself: later writes carry the new name.
    if (ctx.account?.id === id) signIn(ctx, account)
    return account
  },
  'accounts.resetPassword': async ({ id, password }, { ledger, actor }) => {
    await resetPassword(ledger, actor, id, password)
    return { reset: true as const }
  },
  'accounts.changePassword': async ({ oldPassword, password }, ctx) => {
    await changeOwnPassword(ctx.ledger, ctx.actor, currentId(ctx), oldPassword, password)
    return { changed: true as const }
  },
  'accounts.setIdle': ({ idleMinutes: minutes }, { ledger, actor }) => ({ idleMinutes: setIdleMinutes(ledger, actor, minutes) }),
  'accounts.turnOff': async ({ password }, ctx) => {
    await turnOff(ctx.ledger, ctx.actor, currentId(ctx), password)
    signOut(ctx)
    return { turnedOff: true as const }
  },
}
