/**
 * The browser host: serves the built renderer and the operations over HTTP on
 * 127.0.0.1 only. Operations need the per-launch token; events stream as
 * newline-delimited JSON.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { LedgerEvent } from '../../shared/api/jobs'
import { pipeline } from 'node:stream/promises'
import type { FileStore } from '../core/files'
import bridgeSource from './browser-bridge.js?raw'
import { CONTENT_SECURITY_POLICY, checkToken, isAllowedHost, isAllowedOrigin, isLoopbackAddress } from './security'

export interface HostServerOptions {
  token: string
  rendererDir: string
  port: number
  invoke(name: string, input: unknown): Promise<unknown>
  /** Where uploads land and downloads come from. */
  files: FileStore
  subscribe(listener: (event: LedgerEvent) => void): () => void
}

export interface HostServer {
  url: string
  port: number
  close(): Promise<void>
}

const MAX_BODY = 8 * 1024 * 1024
const MAX_UPLOAD = 512 * 1024 * 1024
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
      if (url.pathname === '/api/upload' && req.method === 'POST') return void receiveUpload(req, res, url.searchParams.get('name') ?? 'upload', deny)
      const dl = /^\/api\/download\/([\w-]+)$/.exec(url.pathname)
      if (dl && req.method === 'GET') return sendDownload(dl[1]!, res, deny)
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

  async function receiveUpload(req: http.IncomingMessage, res: http.ServerResponse, name: string, deny: (s: number, m: string) => void) {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_UPLOAD) return deny(413, '文件太大（超过 512 MB），无法上传。')
    const file = options.files.create(name)
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_UPLOAD) req.destroy(new Error('too large'))
    })
    try {
      await pipeline(req, fs.createWriteStream(file.path))
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ ok: true, value: { fileId: file.id, name: file.name, size } }))
    } catch {
      fs.rmSync(file.path, { force: true })
      if (!res.headersSent) deny(size > MAX_UPLOAD ? 413 : 400, size > MAX_UPLOAD ? '文件太大（超过 512 MB），无法上传。' : '上传中断，请重试。')
    }
  }

  function sendDownload(fileId: string, res: http.ServerResponse, deny: (s: number, m: string) => void) {
    let file
    try {
      file = options.files.get(fileId)
    } catch (err) {
      return deny(404, (err as Error).message)
    }
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Cache-Control': 'no-store',
    })
    fs.createReadStream(file.path).pipe(res)
  }

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
