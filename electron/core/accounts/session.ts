/**
 * The core's own idle lock. The screen locks itself after the idle time, but a
 * closed browser tab or a stopped window cannot: so the core also forgets the
 * signed-in person when no operation has come for longer than the idle time
 * (the UI pings while someone is using it).
 */
import type { CoreContext } from '../context'
import { SINGLE_USER } from '../create-core'
import { idleMinutes } from './accounts'
const lastSeen = new WeakMap<CoreContext, number>()

export function signIn(ctx: CoreContext, account: NonNullable<CoreContext['account']>, now = Date.now()): void {
  ctx.account = account
  ctx.actor = account.displayName
  lastSeen.set(ctx, now)
}

export function signOut(ctx: CoreContext): void {
  ctx.account = null
  ctx.actor = SINGLE_USER
  lastSeen.delete(ctx)
}

/** Called by the dispatcher before every operation: ends an idle session, else records the activity. */
export function touchSession(ctx: CoreContext, now = Date.now()): void {
  if (!ctx.account) return
  const seen = lastSeen.get(ctx) ?? now
  if (now - seen > idleMinutes(ctx.ledger) * 60_000) signOut(ctx)
  else lastSeen.set(ctx, now)
}
