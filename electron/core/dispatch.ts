/**
 * The single entry for every operation, whichever host received it: checks
 * the name, validates the input against the contract's zod schema, runs the
 * handler and turns every outcome into a Result.
 */
import { contract, isOpName, type OpName } from '../../shared/api/contract'
import { fail, ok, type Result } from '../../shared/api/result'
import { describeZodError } from '../../shared/api/validation'
import type { CoreContext } from './context'
import { handlers } from './handlers'
import type { Handler } from './handlers/types'
import { toErrorData } from './jobs/runner'

const SLOW_MS = 40

export async function dispatch(ctx: CoreContext, name: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isOpName(name)) return fail({ code: 'unknown_operation', message: `未知的操作「${name}」。请更新程序。` })
  const parsed = contract[name].input.safeParse(rawInput ?? {}, { reportInput: true })
  if (!parsed.success) return fail({ code: 'invalid_input', ...describeZodError(parsed.error) })
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
