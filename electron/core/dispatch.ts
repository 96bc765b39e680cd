/**
 * The single entry for every operation, whichever host received it: checks
 * the name, validates the input against the contract's zod schema, runs the
 * handler and turns every outcome into a Result.
 */
import { contract, isOpName, type OpName } from '../../shared/api/contract'
import { fail, ok, type Result } from '../../shared/api/result'
import { describeZodError } from '../../shared/api/validation'
import { allows } from '../../shared/api/accounts'
import { permissionOf } from '../../shared/api/contract'
import { accountsEnabled } from './accounts/accounts'
import { touchSession } from './accounts/session'
import type { CoreContext } from './context'
import { handlers } from './handlers'
import type { Handler } from './handler-types'
import { toErrorData } from './jobs/runner'

const SLOW_MS = 40

/** With accounts on, every operation but the open ones needs a signed-in person whose role allows it. */
function checkPermission(ctx: CoreContext, name: string): { code: string; message: string } | null {
  touchSession(ctx)
  const needed = permissionOf(name)
  if (needed === 'open' || !accountsEnabled(ctx.ledger)) return null
  if (!ctx.account) return { code: 'not_signed_in', message: '请先登录。' }
  if (allows(ctx.account.role, needed)) return null
  return needed === 'admin'
    ? { code: 'forbidden', message: '只有管理员可以进行这项操作。' }
    : { code: 'forbidden', message: '只读账户不能修改台账。如需修改，请用经办人或管理员账户登录。' }
}

export async function dispatch(ctx: CoreContext, name: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isOpName(name)) return fail({ code: 'unknown_operation', message: `未知的操作「${name}」。请更新程序。` })
  const refused = checkPermission(ctx, name)
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
