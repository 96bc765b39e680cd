/** The browser host's gatekeeping: loopback only, the right Host, same origin, the per-launch token. */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)
}

/** Rejects DNS-rebinding: the Host header must name this server on loopback. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** Cross-origin requests are refused; same-origin fetches may omit Origin. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`
}

export type TokenCheck = 'ok' | 'missing' | 'wrong'

export function checkToken(req: IncomingMessage, token: string): TokenCheck {
  const header = req.headers.authorization
  if (!header?.startsWith('Bearer ')) return 'missing'
  const given = Buffer.from(header.slice(7))
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'wrong'
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // antd injects its CSS-in-JS as <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u001f\u007f]/

/**
 * The request's path, decoded once, or null when it cannot be a path of ours:
 * NUL and control characters (raw or escaped) and malformed escapes.
 */
export function safePathname(rawUrl: string, port: number): { pathname: string; url: URL } | null {
  if (CONTROL.test(rawUrl)) return null
  let url: URL
  let pathname: string
  try {
    url = new URL(rawUrl, `http://127.0.0.1:${port}`)
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (CONTROL.test(pathname)) return null
  return { pathname, url }
}

/** One cookie's value from a Cookie header (undefined when absent). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}
