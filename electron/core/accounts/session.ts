/**
 * Sessions: one per client (a browser that exchanged the launch token, the
 * Electron window, the CLI), each with its own sign-in. A client holding only
 * the launch token is not signed in because another client is.
 *
 * `owner` names one sign-in: the jobs and files started under it belong to it,
 * and it is renewed at every sign-in and sign-out, so the next person at the
 * same browser never receives the previous one's events or downloads.
 *
 * The core's own idle lock: the screen locks itself after the idle time, but a
 * closed browser tab cannot, so the core also forgets the signed-in person when
 * no operation that needs a sign-in has come for longer than the idle time.
 * Open operations (app.info, accounts.status) do not keep a session alive.
 */
import { randomBytes } from 'node:crypto'
import type { AccountView } from '../../../shared/api/accounts'
import type { Permission } from '../../../shared/api/op'
import type { Ledger } from '../db/open'
import { idleMinutes } from './idle'

/** The actor without accounts: the office PC's one user. */
export const SINGLE_USER = '本机用户'

export interface Session {
  /** The client's secret (the browser host's cookie). */
  readonly id: string
  /** The client's number, for the failed sign-in log (never the secret). */
  readonly no: number
  /** This sign-in: owns its jobs and files; renewed at each sign-in and sign-out. */
  owner: string
  account: AccountView | null
  /** Who the audit trail names: display name, username and account id; 本机用户 without accounts. */
  actor: string
  lastSeen: number
  /** Wrong passwords from this client in a row, and until when it must wait. */
  failures: number
  lockedUntil: number
}

const newId = () => randomBytes(24).toString('base64url')

/** The audit trail's name for an account: two accounts with similar names stay apart. */
export function actorOf(account: AccountView): string {
  return `${account.displayName}（${account.username}，#${account.id}）`
}

/** The clients of one core. Bounded: the oldest clients are forgotten first. */
export class Sessions {
  private readonly byId = new Map<string, Session>()
  private count = 0

  constructor(
    private readonly defaultActor = SINGLE_USER,
    private readonly max = 200,
  ) {}

  open(): Session {
    const s: Session = { id: newId(), no: ++this.count, owner: newId(), account: null, actor: this.defaultActor, lastSeen: Date.now(), failures: 0, lockedUntil: 0 }
    this.byId.set(s.id, s)
    while (this.byId.size > this.max) this.byId.delete(this.byId.keys().next().value!)
    return s
  }

  get(id: string | undefined): Session | undefined {
    return id ? this.byId.get(id) : undefined
  }
}

export function signIn(ctx: { session: Session }, account: AccountView, now = Date.now()): void {
  const s = ctx.session
  if (s.account?.id !== account.id) s.owner = newId()
  s.account = account
  s.actor = actorOf(account)
  s.lastSeen = now
}

export function signOut(ctx: { session: Session }): void {
  const s = ctx.session
  s.account = null
  s.actor = SINGLE_USER
  s.owner = newId()
}

/** Called by the dispatcher before every operation: ends an idle session; only operations that need a sign-in count as activity. */
export function touchSession(ctx: { session: Session; ledger: Ledger }, needed: Permission, now = Date.now()): void {
  const s = ctx.session
  if (!s.account) return
  if (now - s.lastSeen > idleMinutes(ctx.ledger) * 60_000) signOut(ctx)
  else if (needed !== 'open') s.lastSeen = now
}
