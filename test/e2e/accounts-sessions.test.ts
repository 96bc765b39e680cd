/**
 * Sessions in a real browser (issue 14, items 2 and 7): the launch token is
 * traded once for an HttpOnly, SameSite=Strict cookie and leaves the address;
 * a second browser holding a launch link is not signed in because the first
 * one is, and gets neither the first one's download nor its job's events.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LedgerBridge } from '../../shared/api/bridge'
import type { LedgerEvent } from '../../shared/api/jobs'
import { openApp, screenshot, type App } from './harness'

// The page's globals, for the functions run in it (this project's Node types have no DOM).
declare const window: { ledger: LedgerBridge; heard: LedgerEvent[] }
declare const document: { cookie: string }
declare const sessionStorage: Record<string, string>
declare const localStorage: Record<string, string>

let app: App
let second: BrowserContext | undefined
/** The links the host prints after each exchange, for the next browser window. */
const links: string[] = []

beforeAll(async () => {
  app = await openApp('sessions')
  app.host.child.stdout!.on('data', (chunk: Buffer) => {
    for (const m of chunk.toString().matchAll(/新链接：(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/g)) links.push(m[1]!)
  })
})

afterAll(async () => {
  await second?.close()
  await app?.close()
})

const ADMIN = { username: 'admin', displayName: '张主任', password: 'Qingshan-2026!' }
const CLERK = { username: 'li', displayName: '李干事', role: 'clerk', password: 'Lishi-Ganshi-77' }

/** Runs an operation from the page, through its window.ledger. */
const invoke = <T>(page: Page, name: string, input: unknown = {}) =>
  page.evaluate(async ([n, i]) => await window.ledger.invoke(n, i), [name, input] as const) as Promise<{ ok: boolean; value: T }>

/** Starts a job from the page and waits for its end event. */
const runJob = (page: Page, name: string, input: unknown) =>
  page.evaluate(
    ([n, i]) =>
      new Promise<{ jobId: string; type: string }>((resolve, reject) => {
        let jobId: string | null = null
        const early: LedgerEvent[] = []
        const settle = (e: LedgerEvent) => {
          if ('jobId' in e && e.jobId === jobId && e.type !== 'job.progress') {
            off()
            resolve({ jobId, type: e.type })
          }
        }
        const off = window.ledger.onEvent((e) => (jobId ? settle(e) : early.push(e)))
        void window.ledger.invoke(n, i).then((r) => {
          if (!r.ok) return reject(new Error(r.error.message))
          jobId = (r.value as { jobId: string }).jobId
          early.forEach(settle)
        })
      }),
    [name, input] as const,
  )

/** Every event the page's stream delivers from now on, kept in the page. */
const startListening = (page: Page) =>
  page.evaluate(() => {
    window.heard = []
    window.ledger.onEvent((e) => window.heard.push(e))
  })
const heard = (page: Page) => page.evaluate(() => window.heard)

const download = (page: Page, fileId: string) =>
  page.evaluate(async (id) => {
    const r = await fetch(`/api/download/${id}`)
    return { status: r.status, text: r.status === 200 ? '' : await r.text() }
  }, fileId)

describe('sessions in the browser', () => {
  it('trades the launch token for an HttpOnly, SameSite=Strict cookie; the address and the page keep no token', async () => {
    const page = app.page
    const token = /#token=([\w-]+)/.exec(app.host.url)![1]!
    await page.goto(app.host.url)
    await page.getByRole('button', { name: '载入示例乡镇' }).waitFor()
    expect(page.url()).not.toContain('token')
    expect(page.url()).not.toContain(token)
    // Nor does the tab's history (what Chromium writes to its History database): the entry was replaced.
    const cdp = await page.context().newCDPSession(page)
    const { entries } = (await cdp.send('Page.getNavigationHistory')) as { entries: { url: string }[] }
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.filter((e) => e.url.includes(token))).toEqual([])
    await cdp.detach()

    const port = new URL(app.host.url).port
    const cookies = await page.context().cookies()
    expect(cookies).toEqual([expect.objectContaining({ name: `ledger_session_${port}`, httpOnly: true, sameSite: 'Strict', path: '/', domain: '127.0.0.1' })])
    expect(cookies[0]!.value).not.toContain(token)
    // Page scripts cannot read the cookie, and nothing of the token is kept where they could.
    expect(await page.evaluate(() => document.cookie)).toBe('')
    const stored = await page.evaluate(() => JSON.stringify([{ ...sessionStorage }, { ...localStorage }]))
    expect(stored).not.toContain(token)
    // The host printed a fresh link for the next window; the used one opens nothing.
    await expect.poll(() => links.length).toBe(1)
    expect(links[0]).not.toContain(token)
    expect(app.errors).toEqual([])
  })

  it('a second browser with a launch link is not signed in because the first is, and gets neither its download nor its job events', async () => {
    const a = app.page
    expect(await invoke(a, 'accounts.setup', ADMIN)).toMatchObject({ ok: true })
    expect(await invoke(a, 'accounts.add', CLERK)).toMatchObject({ ok: true })
    const exported = await invoke<{ fileId: string }>(a, 'accounts.exportAudit', { page: 1, pageSize: 50 })
    const fileId = exported.value.fileId
    expect(await download(a, fileId)).toEqual({ status: 200, text: '' })

    second = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    const b = await second.newPage()
    b.on('pageerror', (e) => app.errors.push(e.message))
    // The link the first browser used: refused, and the page says what to do.
    await b.goto(app.host.url)
    await b.getByText(/本页面没有访问台账的凭据（每个链接只能打开一次）/).waitFor()
    expect(await second.cookies()).toEqual([])
    await screenshot(b, 'accounts-sessions-01-used-link')

    // Its own link (pasted into the same tab: only the fragment changes): a session of its own,
    // not signed in, although the administrator is signed in next door.
    await b.goto(links[0]!)
    await b.getByRole('button', { name: /登\s*录/ }).waitFor()
    expect(await b.locator('.app-menu').count()).toBe(0)
    expect(await invoke(b, 'households.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
    expect(await download(b, fileId)).toEqual({ status: 401, text: '请先登录。' })
    await screenshot(b, 'accounts-sessions-02-second-not-signed-in')

    // The administrator's job: its events reach the administrator's page only.
    await startListening(b)
    const demo = await runJob(a, 'demo.load', { households: 10 })
    expect(demo.type).toBe('job.done')

    // Signed in as someone else, still not the administrator's download or events.
    await b.getByLabel('用户名').fill(CLERK.username)
    await b.getByLabel('密码').fill(CLERK.password)
    await b.getByRole('button', { name: /登\s*录/ }).click()
    await b.getByText('李干事（经办人）', { exact: true }).waitFor()
    expect(await download(b, fileId)).toMatchObject({ status: 404, text: expect.stringContaining('找不到') })
    await startListening(b)
    const adminExport = await runJob(a, 'households.export', { layout: 'standard' })
    // The clerk's own job proves the stream delivers: its events arrive, the administrator's never did.
    const own = await runJob(b, 'households.export', { layout: 'standard' })
    expect([adminExport.type, own.type]).toEqual(['job.done', 'job.done'])
    const jobIds = new Set((await heard(b)).flatMap((e) => ('jobId' in e ? [e.jobId] : [])))
    expect(jobIds).toEqual(new Set([own.jobId]))
    expect(jobIds.has(demo.jobId) || jobIds.has(adminExport.jobId)).toBe(false)
    expect(app.errors).toEqual([])
  })
})
