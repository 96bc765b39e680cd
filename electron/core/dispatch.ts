/**
 * The single entry for every operation, whichever host received it: checks
 * the name, validates the input against the contract's zod schema, runs the
 * handler and turns every outcome into a Result.
 */
import { contract, isOpName, type OpName } from '../../shared/api/contract'
import { fail, ok, type Result } from '../../shared/api/result'
import { describeZodError } from '../../shared/api/validation'
import { allows } from '../../shared/api/accounts'
import type { Permission } from '../../shared/api/op'
import { permissionOf } from '../../shared/api/contract'
import { accountsEnabled } from './accounts/accounts'
import { ledgerFileRefusal } from './backups'
import { touchSession, type Session } from './accounts/session'
import type { CoreContext } from './context'
import { handlers } from './handlers'
import type { Handler } from './handler-types'
import { toErrorData } from './jobs/runner'
import type { FileStore } from './files'

const SLOW_MS = 40

/** The core as one client sees it: its sign-in, and jobs and files that belong to that sign-in. */
export function sessionContext(core: CoreContext, session: Session): CoreContext {
  // Everything else (close, appVersion …) is read through from the core.
  return Object.create(core, {
    session: { value: session, enumerable: true },
    actor: { get: () => session.actor, enumerable: true },
    account: { get: () => session.account, enumerable: true },
    files: { get: (): FileStore => core.files.forOwner(session.owner), enumerable: true },
    jobs: { value: core.jobs.forOwner(() => ({ owner: session.owner, actor: session.actor })), enumerable: true },
    // Written by handlers (a restore reopens the ledger and clears the start-up check): the core's, for every client.
    ledger: { get: () => core.ledger, set: (v: CoreContext['ledger']) => void (core.ledger = v), enumerable: true },
    ledgerCheck: { get: () => core.ledgerCheck, set: (v: CoreContext['ledgerCheck']) => void (core.ledgerCheck = v), enumerable: true },
    backupWarning: { get: () => core.backupWarning, set: (v: string | null) => void (core.backupWarning = v), enumerable: true },
  }) as CoreContext
}

/**
 * With accounts on, everything but the open operations needs a signed-in person whose role allows it.
 * The browser host asks the same for its routes (events, uploads, downloads).
 */
export function checkPermission(ctx: CoreContext, needed: Permission): { code: string; message: string } | null {
  touchSession(ctx, needed)
  if (needed === 'open' || !accountsEnabled(ctx.ledger)) return null
  if (!ctx.account) return { code: 'not_signed_in', message: '请先登录。' }
  if (allows(ctx.account.role, needed)) return null
  return needed === 'admin'
    ? { code: 'forbidden', message: '只有管理员可以进行这项操作。' }
    : { code: 'forbidden', message: '只读账户不能修改台账。如需修改，请用经办人或管理员账户登录。' }
}

/** `session`: the client the call came from; the core's own session when omitted (Electron, CLI, tests). */
export async function dispatch(core: CoreContext, name: string, rawInput: unknown, session: Session = core.session): Promise<Result<unknown>> {
  if (!isOpName(name)) return fail({ code: 'unknown_operation', message: `未知的操作「${name}」。请更新程序。` })
  const ctx = sessionContext(core, session)
  const permission = permissionOf(name)
  const refused = checkPermission(ctx, permission) ?? (permission === 'write' ? ledgerFileRefusal(ctx.ledgerCheck, name) : null)
  if (refused) return fail(refused)
  const parsed = contract[name].input.safeParse(rawInput ?? {}, { reportInput: true })
  if (!parsed.success) return fail({ code: 'invalid_input', ...describeZodError(parsed.error, name) })
  const started = performance.now()
  try {
    const handler = handlers[name] as Handler<OpName>
    return ok(await handler(parsed.data as never, ctx))
  } catch (err) {
    if (!(err instanceof Error && err.name === 'LedgerError')) console.error(`[core] ${name} failed`, err)
    return fail(toErrorData(err))
  } finally {
    const ms = performance.now() - started
    if (ms > SLOW_MS) console.warn(`[core] slow operation ${name}: ${ms.toFixed(0)} ms`)
  }
}
