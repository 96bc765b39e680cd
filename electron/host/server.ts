/**
 * The browser host: serves the built renderer and the operations over HTTP on
 * 127.0.0.1 only. Operations need the per-launch token; events stream as
 * newline-delimited JSON.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { LedgerEvent } from '../../shared/api/jobs'
import bridgeSource from './browser-bridge.js?raw'
import { CONTENT_SECURITY_POLICY, checkToken, isAllowedHost, isAllowedOrigin, isLoopbackAddress } from './security'

export interface HostServerOptions {
  token: string
  rendererDir: string
  port: number
  invoke(name: string, input: unknown): Promise<unknown>
  subscribe(listener: (event: LedgerEvent) => void): () => void
}

export interface HostServer {
  url: string
  port: number
  close(): Promise<void>
}

const MAX_BODY = 8 * 1024 * 1024
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const streams = new Set<http.ServerResponse>()
  let port = options.port

  const server = http.createServer((req, res) => {
    const deny = (status: number, message: string) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end(message)
    }
    if (!isLoopbackAddress(req.socket.remoteAddress)) return deny(403, '只接受本机访问。')
    if (!isAllowedHost(req.headers.host, port)) return deny(403, '主机名不被接受，请使用 127.0.0.1 访问。')
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname.startsWith('/api/')) {
      if (!isAllowedOrigin(req.headers.origin, port)) return deny(403, '拒绝跨站请求。')
      const token = checkToken(req, options.token)
      if (token === 'missing') return deny(401, '缺少访问凭据。')
      if (token === 'wrong') return deny(403, '访问凭据不正确。')
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res)
      const m = /^\/api\/invoke\/([\w.-]+)$/.exec(url.pathname)
      if (m && req.method === 'POST') {
        if (!String(req.headers['content-type']).startsWith('application/json')) return deny(415, '需要 JSON 请求。')
        return void readJson(req)
          .then((input) => options.invoke(m[1]!, input))
          .then((result) => {
            res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
            res.end(JSON.stringify(result))
          })
          .catch((err: Error) => deny(400, err.message))
      }
      return deny(404, '没有这个接口。')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(405, '不支持的请求。')
    if (url.pathname === '/__host/bridge.js') {
      res.writeHead(200, { 'Content-Type': TYPES['.js']!, 'Cache-Control': 'no-store' })
      return res.end(bridgeSource)
    }
    serveStatic(url.pathname, res, deny)
  })

  function openEventStream(res: http.ServerResponse) {
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' })
    res.write('\n')
    streams.add(res)
    res.on('close', () => streams.delete(res))
  }

  const unsubscribe = options.subscribe((event) => {
    const line = `${JSON.stringify(event)}\n`
    for (const s of streams) s.write(line)
  })

  function serveStatic(pathname: string, res: http.ServerResponse, deny: (s: number, m: string) => void) {
    const root = path.resolve(options.rendererDir)
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    const file = path.resolve(root, rel)
    if (!file.startsWith(root + path.sep)) return deny(403, '拒绝访问。')
    fs.readFile(file, (err, data) => {
      if (err) return deny(404, '找不到文件。')
      const ext = path.extname(file)
      if (ext === '.html') {
        // The bridge must exist before the renderer's module script runs.
        const html = data.toString('utf8').replace('<script', '<script src="./__host/bridge.js"></script>\n    <script')
        res.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-store' })
        return res.end(html)
      }
      res.writeHead(200, { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': 'max-age=3600' })
      res.end(data)
    })
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as { port: number }).port
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe()
            for (const s of streams) s.end()
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error('请求过大。'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {})
      } catch {
        reject(new Error('请求不是有效的 JSON。'))
      }
    })
    req.on('error', reject)
  })
}
