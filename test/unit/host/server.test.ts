import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { LedgerEvent } from '../../../shared/api/jobs'
import { dispatch } from '../../../electron/core/dispatch'
import type { FileStore } from '../../../electron/core/files'
import { parseHostArgs } from '../../../electron/host/args'
import { isAllowedHost, isLoopbackAddress } from '../../../electron/host/security'
import { startHostServer, type HostServer } from '../../../electron/host/server'
import { testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

const TOKEN = 'test-token-0123456789'
const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c()
})

async function start(): Promise<{ server: HostServer; emit(e: LedgerEvent): void; files: FileStore }> {
  const { core } = testCore()
  const rendererDir = tempDir()
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><script type="module" src="./app.js"></script></head></html>')
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)')
  const listeners = new Set<(e: LedgerEvent) => void>()
  const server = await startHostServer({
    token: TOKEN,
    port: 0,
    rendererDir,
    invoke: (name, input) => dispatch(core, name, input),
    files: core.files,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
  })
  cleanup.push(async () => {
    await server.close()
    await core.close()
  })
  return { server, emit: (e) => listeners.forEach((l) => l(e)), files: core.files }
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

describe('the browser host', () => {
  it('answers operations only with the per-launch token: 401 without, 403 when wrong', async () => {
    const { server } = await start()
    expect((await invoke(server.port, 'app.info', {})).status).toBe(401)
    expect((await invoke(server.port, 'app.info', { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(403)
    expect((await invoke(server.port, 'app.info', { authorization: 'Basic abc' })).status).toBe(401)
    const good = await invoke(server.port, 'app.info', { authorization: `Bearer ${TOKEN}` })
    expect(good.status).toBe(200)
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, value: { householdCount: 0 } })
    const events = await request(server.port, { path: '/api/events' })
    expect(events.status).toBe(401)
  })

  it('refuses cross-origin requests, foreign Host headers (DNS rebinding) and non-JSON bodies', async () => {
    const { server } = await start()
    const auth = { authorization: `Bearer ${TOKEN}` }
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

  it('streams events as JSON lines to authorised listeners', async () => {
    const { server, emit } = await start()
    const lines = await new Promise<string[]>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
        let buf = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => {
          buf += c
          if (buf.includes('job.done')) {
            req.destroy()
            resolve(buf.split('\n').filter(Boolean))
          }
        })
        setTimeout(() => {
          emit({ type: 'job.progress', jobId: 'j', kind: 'k', done: 1, total: 2, message: '半' })
          emit({ type: 'job.done', jobId: 'j', kind: 'k', result: 42 })
        }, 50)
      })
      req.on('error', reject)
    })
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { type: 'job.progress', jobId: 'j', kind: 'k', done: 1, total: 2, message: '半' },
      { type: 'job.done', jobId: 'j', kind: 'k', result: 42 },
    ])
  })

  it('receives uploads and serves downloads only with the token', async () => {
    const { server, files } = await start()
    const body = '姓名,证件号码\n张三,1\n'
    const up = (headers: Record<string, string>) =>
      request(server.port, { path: `/api/upload?name=${encodeURIComponent('花名册.csv')}`, method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body })
    expect((await up({})).status).toBe(401)
    const ok = await up({ authorization: `Bearer ${TOKEN}` })
    const picked = JSON.parse(ok.body) as { ok: true; value: { fileId: string; name: string; size: number } }
    expect(picked.value).toMatchObject({ name: '花名册.csv', size: Buffer.byteLength(body) })
    expect(fs.readFileSync(files.get(picked.value.fileId).path, 'utf8')).toBe(body)

    expect((await request(server.port, { path: `/api/download/${picked.value.fileId}` })).status).toBe(401)
    const down = await request(server.port, { path: `/api/download/${picked.value.fileId}`, headers: { authorization: `Bearer ${TOKEN}` } })
    expect(down.status).toBe(200)
    expect(down.body).toBe(body)
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('花名册.csv'))
    expect((await request(server.port, { path: '/api/download/nope', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404)
  })

  it('parses its options', () => {
    expect(parseHostArgs(['--db', 'a.sqlite', '--port', '8080', '--no-open'])).toEqual({ db: 'a.sqlite', port: 8080, open: false })
    expect(() => parseHostArgs(['--port', 'abc'])).toThrow(/端口号/)
    expect(() => parseHostArgs(['--bogus'])).toThrow(/不认识的参数/)
  })
})
