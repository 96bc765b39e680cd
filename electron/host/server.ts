/**
 * The browser host: serves the built renderer and the operations over HTTP on
 * 127.0.0.1 only. The launch token is exchanged once (POST /api/session) for an
 * HttpOnly, SameSite=Strict cookie naming a new client session; every /api/
 * route needs that cookie and checks the session's sign-in and role like the
 * operations do. Events stream as newline-delimited JSON, each job's only to
 * the sign-in that started it.
 *
 * No request can stop the process: paths with NUL, control characters or
 * malformed escapes get 400, and every handler's errors end in a response.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { LedgerEvent } from '../../shared/api/jobs'
import type { Permission } from '../../shared/api/op'
import type { Session } from '../core/accounts/session'
import type { CoreContext } from '../core/context'
import { checkPermission, dispatch, sessionContext } from '../core/dispatch'
import bridgeSource from './browser-bridge.js?raw'
import { CONTENT_SECURITY_POLICY, checkToken, isAllowedHost, isAllowedOrigin, isLoopbackAddress, readCookie, safePathname } from './security'

export interface HostServerOptions {
  /** The launch token: good for one exchange. */
  token: string
  rendererDir: string
  port: number
  core: CoreContext
  /** The core's events; `owner` is the sign-in a job's event belongs to. */
  subscribe(listener: (event: LedgerEvent, owner?: string) => void): () => void
  /** After the token is used: a fresh one for the next browser window (the host prints its link), or null. */
  nextToken?(): string | null
}

export interface HostServer {
  url: string
  port: number
  /** The cookie that carries a client's session (named with the port: cookies ignore ports). */
  cookieName: string
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

const NO_SESSION = '本页面没有访问台账的凭据，或程序已重新启动。请使用启动程序的命令窗口里显示的最新链接重新打开（每个链接只能打开一次）。'

type Deny = (status: number, message: string) => void

export function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const { core } = options
  const streams = new Map<http.ServerResponse, Session>()
  let port = options.port
  let token: string | null = options.token
  let cookieName = 'ledger_session'

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const deny: Deny = (status, message) => {
      if (res.headersSent) return void res.destroy()
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(message)
    }
    if (!isLoopbackAddress(req.socket.remoteAddress)) return deny(403, '只接受本机访问。')
    if (!isAllowedHost(req.headers.host, port)) return deny(403, '主机名不被接受，请使用 127.0.0.1 访问。')
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')

    const target = safePathname(req.url ?? '/', port)
    if (!target) return deny(400, '请求地址不正确。')
    const { pathname, url } = target
    if (pathname.startsWith('/api/')) {
      if (!isAllowedOrigin(req.headers.origin, port)) return deny(403, '拒绝跨站请求。')
      if (pathname === '/api/session' && req.method === 'POST') return exchangeToken(req, res, deny)
      const cookie = readCookie(req.headers.cookie, cookieName)
      if (cookie === undefined) return deny(401, NO_SESSION)
      const session = core.sessions.get(cookie)
      if (!session) return deny(403, NO_SESSION)
      if (pathname === '/api/events' && req.method === 'GET') return openEventStream(res, session)
      if (pathname === '/api/upload' && req.method === 'POST') {
        return guarded(session, 'read', deny, () => receiveUpload(req, res, session, url.searchParams.get('name') || 'upload', deny))
      }
      const dl = /^\/api\/download\/([\w-]{1,64})$/.exec(pathname)
      if (dl && req.method === 'GET') return guarded(session, 'read', deny, () => sendDownload(dl[1]!, session, res, deny))
      const m = /^\/api\/invoke\/([\w.-]{1,100})$/.exec(pathname)
      if (m && req.method === 'POST') {
        if (!String(req.headers['content-type']).startsWith('application/json')) return deny(415, '需要 JSON 请求。')
        return void readJson(req)
          .then((input) => dispatch(core, m[1]!, input, session))
          .then((result) => {
            if (res.headersSent) return
            res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
            res.end(JSON.stringify(result))
          })
          .catch((err: Error) => deny(400, err.message))
      }
      return deny(404, '没有这个接口。')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(405, '不支持的请求。')
    if (pathname === '/__host/bridge.js') {
      res.writeHead(200, { 'Content-Type': TYPES['.js']!, 'Cache-Control': 'no-store' })
      return void res.end(bridgeSource)
    }
    serveStatic(pathname, res, deny)
  }

  const server = http.createServer((req, res) => {
    // A broken socket or a failed write must not become an uncaught error.
    req.on('error', () => undefined)
    res.on('error', () => undefined)
    try {
      handle(req, res)
    } catch (err) {
      console.error('[host] request failed', err)
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end('台账程序处理这个请求时出错，请重试。')
      } else res.destroy()
    }
  })
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  /** Runs a route for a session whose sign-in and role allow it (the same check the operations get). */
  function guarded(session: Session, needed: Permission, deny: Deny, route: () => void | Promise<void>): void {
    const refused = checkPermission(sessionContext(core, session), needed)
    if (refused) return deny(refused.code === 'not_signed_in' ? 401 : 403, refused.message)
    void Promise.resolve()
      .then(route)
      .catch((err: Error) => {
        console.error('[host] route failed', err)
        deny(500, '台账程序处理这个请求时出错，请重试。')
      })
  }

  /** The launch token, once, for a new client session in an HttpOnly cookie. */
  function exchangeToken(req: http.IncomingMessage, res: http.ServerResponse, deny: Deny) {
    req.resume()
    const check = token === null ? 'wrong' : checkToken(req, token)
    if (check === 'missing') return deny(401, '缺少访问凭据。')
    if (check === 'wrong') return deny(403, '这个链接已经用过或不正确。请使用启动程序的命令窗口里显示的最新链接。')
    token = options.nextToken?.() ?? null
    const session = core.sessions.open()
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Set-Cookie': `${cookieName}=${session.id}; HttpOnly; SameSite=Strict; Path=/`,
    })
    res.end(JSON.stringify({ ok: true, value: { started: true } }))
  }

  async function receiveUpload(req: http.IncomingMessage, res: http.ServerResponse, session: Session, name: string, deny: Deny) {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_UPLOAD) return deny(413, '文件太大（超过 512 MB），无法上传。')
    const file = core.files.forOwner(session.owner).create(name.slice(0, 200))
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_UPLOAD) req.destroy(new Error('too large'))
    })
    try {
      await pipeline(req, fs.createWriteStream(file.path))
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(JSON.stringify({ ok: true, value: { fileId: file.id, name: file.name, size } }))
    } catch {
      fs.rmSync(file.path, { force: true })
      deny(size > MAX_UPLOAD ? 413 : 400, size > MAX_UPLOAD ? '文件太大（超过 512 MB），无法上传。' : '上传中断，请重试。')
    }
  }

  function sendDownload(fileId: string, session: Session, res: http.ServerResponse, deny: Deny) {
    let file
    try {
      // Only the sign-in the file was made for finds it.
      file = core.files.forOwner(session.owner).get(fileId)
    } catch (err) {
      return deny(404, (err as Error).message)
    }
    const stream = fs.createReadStream(file.path)
    stream.on('error', () => deny(404, '文件已不存在，请重新生成。'))
    stream.once('open', () => {
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'Cache-Control': 'no-store',
      })
      stream.pipe(res)
    })
  }

  function openEventStream(res: http.ServerResponse, session: Session) {
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' })
    res.write('\n')
    streams.set(res, session)
    res.on('close', () => streams.delete(res))
  }

  // A job's events reach only its own sign-in (read at delivery: signing out renews the owner).
  const unsubscribe = options.subscribe((event, owner) => {
    const line = `${JSON.stringify(event)}\n`
    for (const [s, session] of streams) if (owner === undefined || owner === session.owner) s.write(line)
  })

  function serveStatic(pathname: string, res: http.ServerResponse, deny: Deny) {
    const root = path.resolve(options.rendererDir)
    const rel = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
    const file = path.resolve(root, rel)
    if (!file.startsWith(root + path.sep)) return deny(403, '拒绝访问。')
    fs.readFile(file, (err, data) => {
      try {
        if (err) return deny(404, '找不到文件。')
        const ext = path.extname(file)
        if (ext === '.html') {
          // The bridge must exist before the renderer's module script runs.
          const html = data.toString('utf8').replace('<script', '<script src="./__host/bridge.js"></script>\n    <script')
          res.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-store' })
          return void res.end(html)
        }
        res.writeHead(200, { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': 'max-age=3600' })
        res.end(data)
      } catch {
        res.destroy()
      }
    })
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as { port: number }).port
      cookieName = `ledger_session_${port}`
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        cookieName,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe()
            for (const s of streams.keys()) s.end()
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
