/**
 * One session per client and per sign-in: a second client holding the launch
 * token is not signed in because someone else is; jobs and files belong to the
 * sign-in that started them; open operations do not keep a session alive.
 */
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LedgerEvent } from '../../../shared/api/jobs'
import type { CoreContext } from '../../../electron/core/context'
import { createCore } from '../../../electron/core/create-core'
import { dispatch, sessionContext } from '../../../electron/core/dispatch'
import { jobEnd } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

// scrypt at N = 2^17 costs ~0.5 s a hash here; the cost is tested in login-hardening.test.ts.
vi.mock('node:crypto', async (orig) => (await import('../../helpers/fast-scrypt')).withFastScrypt(await orig()))

const cores: CoreContext[] = []
afterEach(async () => {
  vi.useRealTimers()
  for (const c of cores.splice(0)) await c.close()
})

function setup() {
  const events: { event: LedgerEvent; owner?: string }[] = []
  const plain: LedgerEvent[] = []
  const emit = (event: LedgerEvent, owner?: string) => (events.push({ event, owner }), plain.push(event))
  const core = createCore({ dbPath: path.join(tempDir(), 'ledger.sqlite'), appVersion: 'test', jobMode: 'inline', emit })
  cores.push(core)
  return { core, events, plain }
}

const ADMIN = { username: 'admin', displayName: '张主任', password: 'Qingshan-2026!' }
const CLERK = { username: 'li', displayName: '李干事', role: 'clerk' as const, password: 'Lishi-Ganshi-77' }

describe('sessions', () => {
  it('a second client is not signed in because the first is', async () => {
    const { core } = setup()
    const a = core.sessions.open()
    const b = core.sessions.open()
    expect(await dispatch(core, 'accounts.setup', ADMIN, a)).toMatchObject({ ok: true })
    expect(await dispatch(core, 'households.list', {}, a)).toMatchObject({ ok: true })
    expect(await dispatch(core, 'households.list', {}, b)).toEqual({ ok: false, error: { code: 'not_signed_in', message: '请先登录。' } })
    expect(await dispatch(core, 'accounts.status', {}, b)).toMatchObject({ ok: true, value: { enabled: true, current: null } })
    // Nor is the core's own session (Electron's window, the CLI).
    expect(await dispatch(core, 'households.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
    // Signing out one client leaves the other signed in.
    await dispatch(core, 'accounts.add', CLERK, a)
    await dispatch(core, 'accounts.login', { username: 'li', password: CLERK.password }, b)
    await dispatch(core, 'accounts.logout', {}, a)
    expect(await dispatch(core, 'households.list', {}, b)).toMatchObject({ ok: true })
    expect(await dispatch(core, 'households.list', {}, a)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
  })

  it('open operations (app.info, accounts.status) do not keep a session alive', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const t0 = new Date('2026-03-02T08:00:00Z').getTime()
    vi.setSystemTime(t0)
    const { core } = setup()
    const a = core.sessions.open()
    await dispatch(core, 'accounts.setup', ADMIN, a)
    await dispatch(core, 'accounts.setIdle', { idleMinutes: 2 }, a)
    vi.setSystemTime(t0 + 90_000)
    expect(await dispatch(core, 'app.info', {}, a)).toMatchObject({ ok: true })
    expect(await dispatch(core, 'accounts.status', {}, a)).toMatchObject({ ok: true, value: { current: { username: 'admin' } } })
    // Two minutes after the last operation that needed the sign-in: signed out, whatever open calls came between.
    vi.setSystemTime(t0 + 121_000)
    expect(await dispatch(core, 'households.list', {}, a)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
    // A real operation does keep it alive.
    await dispatch(core, 'accounts.login', { username: 'admin', password: ADMIN.password }, a)
    vi.setSystemTime(t0 + 121_000 + 100_000)
    expect(await dispatch(core, 'households.list', {}, a)).toMatchObject({ ok: true })
    vi.setSystemTime(t0 + 121_000 + 200_000)
    expect(await dispatch(core, 'households.list', {}, a)).toMatchObject({ ok: true })
  })

  it("a job's events and a produced file belong to the sign-in that started them", async () => {
    const { core, events, plain } = setup()
    const a = core.sessions.open()
    const b = core.sessions.open()
    await dispatch(core, 'accounts.setup', ADMIN, a)
    await dispatch(core, 'accounts.add', CLERK, a)
    await dispatch(core, 'accounts.login', { username: 'li', password: CLERK.password }, b)

    const started = (await dispatch(core, 'demo.load', { households: 10 }, a)) as { ok: true; value: { jobId: string } }
    expect(started.ok).toBe(true)
    // Someone else cannot cancel it.
    expect(await dispatch(core, 'jobs.cancel', { jobId: started.value.jobId }, b)).toEqual({ ok: true, value: { cancelled: false } })
    await jobEnd(plain, started.value.jobId)
    const mine = events.filter((e) => 'jobId' in e.event && e.event.jobId === started.value.jobId)
    expect(mine.length).toBeGreaterThan(0)
    expect(new Set(mine.map((e) => e.owner))).toEqual(new Set([a.owner]))
    // The job's audit rows name who started it.
    expect(core.ledger.sqlite.prepare("SELECT DISTINCT actor FROM audit_log WHERE table_name = 'households'").pluck().all()).toEqual([a.actor])

    const out = (await dispatch(core, 'accounts.exportAudit', { page: 1, pageSize: 50 }, a)) as { ok: true; value: { fileId: string } }
    expect(sessionContext(core, a).files.get(out.value.fileId).name).toMatch(/^修改记录/)
    expect(() => sessionContext(core, b).files.get(out.value.fileId)).toThrow('找不到所选文件')
    // The next sign-in at the same client is another person's: the file is not theirs.
    await dispatch(core, 'accounts.logout', {}, a)
    await dispatch(core, 'accounts.login', { username: 'li', password: CLERK.password }, a)
    expect(() => sessionContext(core, a).files.get(out.value.fileId)).toThrow('找不到所选文件')
  })
})
