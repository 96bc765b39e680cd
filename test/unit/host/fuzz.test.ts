/**
 * The host must survive whatever a local page or program sends it: random
 * paths (NUL, control characters, broken escapes), headers and bodies, some as
 * raw bytes on a socket. After each request the host must still serve its page.
 * Bounded: a fixed seed, a few hundred requests, loopback only.
 */
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LedgerEvent } from '../../../shared/api/jobs'
import { startHostServer, type HostServer } from '../../../electron/host/server'
import { testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'

const TOKEN = 'fuzz-token-0123456789'
let server: HostServer
let stop: () => Promise<void>
/** A real client's cookie, so the fuzz also reaches the operations, uploads and downloads. */
let cookie = ''

beforeEach(async () => {
  const { core } = testCore()
  const rendererDir = tempDir()
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><script type="module" src="./app.js"></script></head></html>')
  fs.writeFileSync(path.join(rendererDir, 'app.js'), 'console.log(1)')
  const listeners = new Set<(e: LedgerEvent, owner?: string) => void>()
  server = await startHostServer({ token: TOKEN, port: 0, rendererDir, core, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) })
  stop = async () => {
    await server.close()
    await core.close()
  }
  cookie = await new Promise<string>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/session', headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${TOKEN}` } }, (res) => {
      res.resume()
      resolve(String(res.headers['set-cookie']).split(';')[0]!)
    })
    req.on('error', reject)
    req.end()
  })
})
afterEach(async () => stop())

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PATH_PIECES = [
  '%00', '%E0%A4%A', '%', '%zz', '%C0%AF', '%2e%2e', '..', '%2F', '%5C', '%0a', '%0d', '%1b', '%7f', '%ff', '%FE%FF',
  'index.html', 'app.js', '__host', 'bridge.js', 'api', 'invoke', 'app.info', 'events', 'upload', 'download', 'session',
  '%E4%B8%AD', '中', '?', '#', ';', '&', '=', 'a'.repeat(300), '%u0000', '\\', '//', '.', '~',
]
const METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']
const HEADER_VALUES = ['', 'x', 'Bearer ', `Bearer ${TOKEN}`, 'Bearer %00', 'tl=%E0%A4%A', 'a=b; c', '=;=;', 'application/json', '-1', '99999999999', 'NaN', '中文'.repeat(50)]
const BODIES = ['', '{}', '{', 'null', '[]', '"x"', '{"__proto__":{"a":1}}', '{"username":"a","password":"b"}', '\u0000\u0001', 'x'.repeat(70_000)]

function pick<T>(r: () => number, list: T[]): T {
  return list[Math.floor(r() * list.length)]!
}

function randomPath(r: () => number): string {
  const n = 1 + Math.floor(r() * 5)
  let p = ''
  for (let i = 0; i < n; i++) p += (r() < 0.7 ? '/' : '') + pick(r, PATH_PIECES)
  return p.startsWith('/') ? p : `/${p}`
}

/** Sends raw bytes and resolves with the status line (or what happened instead). */
function raw(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port })
    let got = ''
    const timer = setTimeout(() => (s.destroy(), resolve(got || 'timeout')), 2000)
    s.on('data', (c) => {
      got += c.toString('latin1')
      if (got.includes('\r\n')) {
        clearTimeout(timer)
        s.destroy()
        resolve(got.split('\r\n')[0]!)
      }
    })
    s.on('error', (e) => (clearTimeout(timer), resolve(`error ${e.message}`)))
    s.on('close', () => (clearTimeout(timer), resolve(got || 'closed')))
    s.write(bytes)
  })
}

function get(port: number, p: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: p, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode!))
    })
    req.on('error', reject)
    req.end()
  })
}

async function stillAnswers(): Promise<void> {
  expect(await get(server.port, '/')).toBe(200)
}

describe('the browser host under fuzzing', () => {
  it('answers NUL, control characters and malformed escapes with 400 and keeps running', async () => {
    for (const p of ['/%00', '/%E0%A4%A', '/%', '/a%zz', '/%0a', '/%1b', '/%7f', '/app.js%00.html', '/api/download/%00']) {
      const status = await get(server.port, p)
      expect(status, p).toBe(400)
      await stillAnswers()
    }
    // Raw bytes the http client would refuse to send.
    for (const line of ['GET /\u0001 HTTP/1.1', 'GET /\u0000 HTTP/1.1', 'GET /%00 HTTP/1.0']) {
      const reply = await raw(server.port, Buffer.from(`${line}\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`, 'latin1'))
      expect(reply, JSON.stringify(line)).toMatch(/^HTTP\/1\.1 400/)
      await stillAnswers()
    }
  })

  it(
    'survives 400 random requests (paths, methods, headers, bodies, raw bytes) and answers after each',
    async () => {
      const r = rng(20261201)
      const started = Date.now()
      const statuses = new Map<number | string, number>()
      for (let i = 0; i < 400; i++) {
        const kind = r()
        let outcome: number | string
        if (kind < 0.2) {
          // Raw request: random method and bytes in the request line and headers.
          const junk = Buffer.from(Array.from({ length: 1 + Math.floor(r() * 40) }, () => Math.floor(r() * 256)))
          const head = Buffer.from(`${pick(r, METHODS)} ${randomPath(r)}`, 'utf8')
          const msg = Buffer.concat([head, r() < 0.5 ? junk : Buffer.alloc(0), Buffer.from(` HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-J: `), junk, Buffer.from('\r\n\r\n')])
          outcome = await raw(server.port, msg)
        } else {
          const method = pick(r, METHODS)
          const headers: Record<string, string> = { host: `127.0.0.1:${server.port}` }
          if (r() < 0.5) headers.authorization = pick(r, HEADER_VALUES)
          if (r() < 0.7) headers.cookie = r() < 0.7 ? cookie : pick(r, HEADER_VALUES)
          if (r() < 0.5) headers['content-type'] = pick(r, ['application/json', 'application/octet-stream', 'text/plain', pick(r, HEADER_VALUES)])
          if (r() < 0.2) headers.origin = pick(r, ['null', 'http://evil.example', `http://127.0.0.1:${server.port}`, pick(r, HEADER_VALUES)])
          const body = method === 'GET' || method === 'HEAD' ? '' : pick(r, BODIES)
          const p = r() < 0.5 ? `/api/${pick(r, ['invoke/app.info', 'invoke/accounts.login', 'events', 'upload?name=%00', 'upload?name=a', 'download/x', 'session'])}` : randomPath(r)
          outcome = await new Promise<number | string>((resolve) => {
            let req: http.ClientRequest
            try {
              req = http.request({ host: '127.0.0.1', port: server.port, method, path: p, headers }, (res) => {
                res.resume()
                if (p.startsWith('/api/events') && res.statusCode === 200) return resolve((req.destroy(), 200))
                res.on('end', () => resolve(res.statusCode!))
              })
            } catch {
              // Node's client refuses to send it (unescaped characters): send the bytes as they are.
              const lines = [`${method} ${p} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${Buffer.byteLength(body)}`, '', body]
              return void raw(server.port, Buffer.from(lines.join('\r\n'), 'utf8')).then(resolve)
            }
            req.setTimeout(2000, () => (req.destroy(), resolve('timeout')))
            req.on('error', (e) => resolve(`error ${e.message}`))
            req.end(body)
          })
        }
        statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1)
        expect(outcome, `request ${i}`).not.toBe('timeout')
        // A 5xx would mean an unhandled error reached the clerk's browser.
        expect(String(outcome), `request ${i}`).not.toMatch(/^5|HTTP\/1\.1 5/)
        await stillAnswers()
      }
      // It reached the handlers, not only the gate.
      expect(statuses.get(200)).toBeGreaterThan(5)
      expect(statuses.get(400)).toBeGreaterThan(10)
      expect(Date.now() - started).toBeLessThan(60_000)
    },
    90_000,
  )
})
