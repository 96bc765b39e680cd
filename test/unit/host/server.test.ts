import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { LedgerEvent } from '../../../shared/api/jobs'
import type { FileStore } from '../../../electron/core/files'
import { parseHostArgs } from '../../../electron/host/args'
import { isAllowedHost, isLoopbackAddress } from '../../../electron/host/security'
import { startHostServer } from '../../../electron/host/server'
import { testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

const TOKEN = 'test-token-0123456789'
const TOKEN2 = 'test-token-second-0123456789'
const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c()
})

async function start(opts: { nextToken?: () => string | null } = { nextToken: () => TOKEN2 }) {
  const { core } = testCore()
  const rendererDir = tempDir()
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><script type="module" src="./app.js"></script></head></html>')
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)')
  const listeners = new Set<(e: LedgerEvent, owner?: string) => void>()
  const server = await startHostServer({
    token: TOKEN,
    port: 0,
    rendererDir,
    core,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    ...opts,
  })
  cleanup.push(async () => {
    await server.close()
    await core.close()
  })
  const emit = (e: LedgerEvent, owner?: string) => listeners.forEach((l) => l(e, owner))
  return { server, core, emit, files: core.files as FileStore }
}

/** Trades a launch token for the session cookie, as the page's bridge does. */
async function exchange(port: number, token = TOKEN): Promise<{ cookie: string }> {
  const r = await request(port, { path: '/api/session', method: 'POST', headers: { authorization: `Bearer ${token}` } })
  expect(r.status).toBe(200)
  const set = String(r.headers['set-cookie'])
  return { cookie: set.split(';')[0]! }
}

interface Reply {
  status: number
  body: string
  headers: http.IncomingHttpHeaders
}

function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }))
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

const invoke = (port: number, name: string, headers: Record<string, string>, body = '{}') =>
  request(port, { path: `/api/invoke/${name}`, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

/** Reads an event stream until `until` lines arrived or the time is up. */
function listen(port: number, cookie: string, ms = 300): Promise<LedgerEvent[]> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { host: `127.0.0.1:${port}`, cookie } }, (res) => {
      let buf = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (buf += c))
      setTimeout(() => {
        req.destroy()
        resolve(buf.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LedgerEvent))
      }, ms)
    })
    req.on('error', reject)
  })
}

describe('the browser host', () => {
  it('trades the launch token once for an HttpOnly, SameSite=Strict cookie; operations need the cookie (401 without, 403 wrong)', async () => {
    const { server } = await start()
    expect((await request(server.port, { path: '/api/session', method: 'POST' })).status).toBe(401)
    expect((await request(server.port, { path: '/api/session', method: 'POST', headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(403)
    const first = await request(server.port, { path: '/api/session', method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })
    expect(first.status).toBe(200)
    const setCookie = String(first.headers['set-cookie'])
    expect(setCookie).toMatch(new RegExp(`^${server.cookieName}=[\\w-]{32}; HttpOnly; SameSite=Strict; Path=/$`))
    expect(setCookie).not.toContain(TOKEN)
    // The link works once.
    expect((await request(server.port, { path: '/api/session', method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(403)
    const cookie = setCookie.split(';')[0]!

    expect((await invoke(server.port, 'app.info', {})).status).toBe(401)
    // The launch token itself opens nothing but the exchange.
    expect((await invoke(server.port, 'app.info', { authorization: `Bearer ${TOKEN}` })).status).toBe(401)
    expect((await invoke(server.port, 'app.info', { cookie: `${server.cookieName}=forged-session-0123456789abcdef` })).status).toBe(403)
    const good = await invoke(server.port, 'app.info', { cookie })
    expect(good.status).toBe(200)
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { householdCount: 0 } })
    expect((await request(server.port, { path: '/api/events' })).status).toBe(401)
  })

  it('gives out a fresh one-time token after each exchange when the host prints a new link', async () => {
    const tokens = ['second-token-0123456789', 'third-token-0123456789']
    const { server } = await start({ nextToken: () => tokens.shift() ?? null })
    const a = await exchange(server.port)
    const b = await exchange(server.port, 'second-token-0123456789')
    expect(a.cookie).not.toBe(b.cookie)
    expect((await request(server.port, { path: '/api/session', method: 'POST', headers: { authorization: 'Bearer second-token-0123456789' } })).status).toBe(403)
  })

  it('refuses cross-origin requests, foreign Host headers (DNS rebinding) and non-JSON bodies', async () => {
    const { server } = await start()
    const auth = { cookie: (await exchange(server.port)).cookie }
    expect((await invoke(server.port, 'app.info', { ...auth, origin: 'http://evil.example' })).status).toBe(403)
    expect((await invoke(server.port, 'app.info', { ...auth, origin: `http://127.0.0.1:${server.port}` })).status).toBe(200)
    expect((await invoke(server.port, 'app.info', { ...auth, host: `evil.example:${server.port}` })).status).toBe(403)
    expect((await request(server.port, { path: '/', headers: { host: 'evil.example' } })).status).toBe(403)
    const form = await request(server.port, { path: '/api/invoke/app.info', method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: '{}' })
    expect(form.status).toBe(415)
    const broken = await invoke(server.port, 'app.info', auth, '{not json')
    expect(broken.status).toBe(400)
  })

  it('listens on loopback only: other interfaces of this machine are refused', async () => {
    const { server } = await start()
    expect(isLoopbackAddress('127.0.0.1')).toBe(true)
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true)
    expect(isLoopbackAddress('::1')).toBe(true)
    expect(isLoopbackAddress('192.168.1.5')).toBe(false)
    expect(isLoopbackAddress('::ffff:10.0.0.2')).toBe(false)
    expect(isAllowedHost(`localhost:${server.port}`, server.port)).toBe(true)
    expect(isAllowedHost(`0.0.0.0:${server.port}`, server.port)).toBe(false)
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)
    if (external) {
      const outcome = await new Promise<string>((resolve) => {
        const s = net.connect({ host: external.address, port: server.port })
        s.on('connect', () => (s.destroy(), resolve('connected')))
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'))
      })
      expect(outcome).toBe('ECONNREFUSED')
    }
    expect(() => parseHostArgs(['--host', '0.0.0.0'])).toThrow(/只在本机 127.0.0.1/)
  })

  it('serves the renderer with a strict CSP and the bridge injected before the app script', async () => {
    const { server } = await start()
    const index = await request(server.port, { path: '/' })
    expect(index.status).toBe(200)
    expect(index.headers['content-security-policy']).toContain("script-src 'self'")
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(index.body.indexOf('__host/bridge.js')).toBeLessThan(index.body.indexOf('app.js'))
    const bridge = await request(server.port, { path: '/__host/bridge.js' })
    expect(bridge.body).toContain('window.ledger')
    expect(bridge.body).not.toContain(TOKEN)
    expect((await request(server.port, { path: '/app.js' })).status).toBe(200)
    expect((await request(server.port, { path: '/../../etc/passwd' })).status).not.toBe(200)
    expect((await request(server.port, { path: '/..%2F..%2F..%2Fetc%2Fpasswd' })).status).toBe(403)
  })

  it('streams events as JSON lines; the events of a job reach only the sign-in that started it', async () => {
    const { server, core, emit } = await start()
    const a = await exchange(server.port)
    const b = await exchange(server.port, TOKEN2)
    const ownerA = core.sessions.get(a.cookie.split('=')[1])!.owner
    const heardA = listen(server.port, a.cookie)
    const heardB = listen(server.port, b.cookie)
    await new Promise((r) => setTimeout(r, 100))
    emit({ type: 'job.progress', jobId: 'j', kind: 'k', done: 1, total: 2, message: '半' }, ownerA)
    emit({ type: 'job.done', jobId: 'j', kind: 'k', result: 42 }, ownerA)
    emit({ type: 'core.restarted' })
    expect(await heardA).toEqual([
      { type: 'job.progress', jobId: 'j', kind: 'k', done: 1, total: 2, message: '半' },
      { type: 'job.done', jobId: 'j', kind: 'k', result: 42 },
      { type: 'core.restarted' },
    ])
    expect(await heardB).toEqual([{ type: 'core.restarted' }])
  })

  it('receives uploads and serves downloads only to the session that owns them', async () => {
    const { server, files } = await start()
    const a = await exchange(server.port)
    const b = await exchange(server.port, TOKEN2)
    const body = '姓名,证件号码\n张三,1\n'
    const up = (headers: Record<string, string>) =>
      request(server.port, { path: `/api/upload?name=${encodeURIComponent('花名册.csv')}`, method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body })
    expect((await up({})).status).toBe(401)
    expect((await up({ authorization: `Bearer ${TOKEN}` })).status).toBe(401)
    const ok = await up({ cookie: a.cookie })
    const picked = JSON.parse(ok.body) as { ok: true; value: { fileId: string; name: string; size: number } }
    expect(picked.value).toMatchObject({ name: '花名册.csv', size: Buffer.byteLength(body) })
    expect(fs.readFileSync(files.get(picked.value.fileId).path, 'utf8')).toBe(body)

    const download = (cookie?: string) => request(server.port, { path: `/api/download/${picked.value.fileId}`, headers: cookie ? { cookie } : {} })
    expect((await download()).status).toBe(401)
    expect((await download(b.cookie)).status).toBe(404)
    const down = await download(a.cookie)
    expect(down.status).toBe(200)
    expect(down.body).toBe(body)
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('花名册.csv'))
    expect((await request(server.port, { path: '/api/download/nope', headers: { cookie: a.cookie } })).status).toBe(404)
  })

  it('with accounts on, a signed-out caller holding a session gets no download or upload, and another sign-in not the admin\'s export', async () => {
    const { server } = await start()
    const a = await exchange(server.port)
    const b = await exchange(server.port, TOKEN2)
    const call = async (cookie: string, name: string, input: unknown) => JSON.parse((await invoke(server.port, name, { cookie }, JSON.stringify(input))).body) as { ok: boolean; value?: { fileId: string }; error?: { code: string } }
    expect(await call(a.cookie, 'accounts.setup', { username: 'admin', displayName: '张主任', password: 'Qingshan-2026!' })).toMatchObject({ ok: true })
    await call(a.cookie, 'accounts.add', { username: 'li', displayName: '李干事', role: 'clerk', password: 'Lishi-Ganshi-77' })
    const exported = await call(a.cookie, 'accounts.exportAudit', { page: 1, pageSize: 50 })
    const fileId = exported.value!.fileId
    const download = (cookie: string) => request(server.port, { path: `/api/download/${fileId}`, headers: { cookie } })
    const upload = (cookie: string) => request(server.port, { path: '/api/upload?name=a.csv', method: 'POST', headers: { cookie, 'content-type': 'application/octet-stream' }, body: 'x' })

    // B has the launch token's session but is not signed in.
    expect(await call(b.cookie, 'households.list', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
    const refused = await download(b.cookie)
    expect(refused.status).toBe(401)
    expect(refused.body).toBe('请先登录。')
    expect((await upload(b.cookie)).status).toBe(401)
    // Signed in as someone else: still not theirs.
    expect(await call(b.cookie, 'accounts.login', { username: 'li', password: 'Lishi-Ganshi-77' })).toMatchObject({ ok: true })
    expect((await download(b.cookie)).status).toBe(404)
    expect((await upload(b.cookie)).status).toBe(200)
    // The admin gets it; after signing out, not any more.
    expect((await download(a.cookie)).status).toBe(200)
    await call(a.cookie, 'accounts.logout', {})
    expect((await download(a.cookie)).status).toBe(401)
  })

  it('parses its options', () => {
    expect(parseHostArgs(['--db', 'a.sqlite', '--port', '8080', '--no-open'])).toEqual({ db: 'a.sqlite', port: 8080, open: false })
    expect(() => parseHostArgs(['--port', 'abc'])).toThrow(/端口号/)
    expect(() => parseHostArgs(['--bogus'])).toThrow(/不认识的参数/)
  })
})
