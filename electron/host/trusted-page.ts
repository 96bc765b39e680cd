/**
 * Which page may talk to the Electron main process: exactly the app's own
 * page (its index.html as a file:// URL, any #route or ?query), or the dev
 * server's origin while developing. Any other file:// page — a downloaded
 * .html, a file on a USB drive — is not trusted. Pure: no Electron import,
 * so unit tests load it.
 */
import { pathToFileURL } from 'node:url'

export interface TrustedPage {
  /** Absolute path of the app's renderer/index.html. */
  indexFile: string
  /** ELECTRON_RENDERER_URL while developing; undefined in the packaged app. */
  devServer?: string
}

export function isTrustedUrl(url: string, page: TrustedPage): boolean {
  let given: URL
  try {
    given = new URL(url)
  } catch {
    return false
  }
  if (page.devServer) {
    try {
      const dev = new URL(page.devServer)
      if ((dev.protocol === 'http:' || dev.protocol === 'https:') && given.origin === dev.origin) return true
    } catch {
      // a malformed dev URL trusts nothing
    }
  }
  if (given.protocol !== 'file:') return false
  const own = pathToFileURL(page.indexFile)
  // Compared decoded and with the host, so %-escapes or a UNC host cannot name another file the same way.
  return given.host === own.host && safeDecode(given.pathname) === safeDecode(own.pathname) && given.username === '' && given.password === ''
}

function safeDecode(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname)
    // Windows paths are case-insensitive (C: and c: name the same page).
    return process.platform === 'win32' ? decoded.toLowerCase() : decoded
  } catch {
    return null
  }
}
