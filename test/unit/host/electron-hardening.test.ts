import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isTrustedUrl } from '../../../electron/host/trusted-page'

const root = path.resolve(__dirname, '../../..')
const indexFile = path.join(root, 'out', 'renderer', 'index.html')
const own = pathToFileURL(indexFile).href

/** The keys and values of one top-level mapping in electron-builder.yml (flat `key: value` lines). */
function yamlBlock(text: string, key: string): Record<string, string> | null {
  const lines = text.split(/\r?\n/)
  const start = lines.findIndex((l) => l.trimEnd() === `${key}:`)
  if (start < 0) return null
  const out: Record<string, string> = {}
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break
    const m = /^\s+([A-Za-z]+):\s*(\S+)\s*(#.*)?$/.exec(line)
    if (m) out[m[1]!] = m[2]!
  }
  return out
}

describe('Electron hardening', () => {
  it('electron-builder.yml flips the security fuses', () => {
    const fuses = yamlBlock(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'), 'electronFuses')
    expect(fuses).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
    })
  })

  it('trusts exactly the app’s own page, not any file:// URL', () => {
    const page = { indexFile }
    expect(isTrustedUrl(own, page)).toBe(true)
    expect(isTrustedUrl(`${own}#/households`, page)).toBe(true)
    expect(isTrustedUrl(`${own}?x=1#/backups`, page)).toBe(true)
    for (const other of [
      pathToFileURL(path.join(root, 'out', 'renderer', 'other.html')).href,
      pathToFileURL('/tmp/下载/evil.html').href,
      pathToFileURL(indexFile + '.html').href,
      pathToFileURL(path.join(root, 'out', 'renderer', 'index.html', 'x')).href,
      own.replace('file:///', 'file://evil-host/'),
      'file:///',
      'file://',
      'http://127.0.0.1:5173/',
      'https://example.com/index.html',
      '',
      'not a url',
    ]) {
      expect(isTrustedUrl(other, page), other).toBe(false)
    }
  })

  it('trusts the dev server by its exact origin only', () => {
    const page = { indexFile, devServer: 'http://localhost:5173' }
    expect(isTrustedUrl('http://localhost:5173/', page)).toBe(true)
    expect(isTrustedUrl('http://localhost:5173/#/households', page)).toBe(true)
    for (const other of ['http://localhost:51730/', 'http://localhost:5173.evil.com/', 'http://evil.com/?http://localhost:5173', 'https://localhost:5173/', 'http://localhost:5174/']) {
      expect(isTrustedUrl(other, page), other).toBe(false)
    }
    expect(isTrustedUrl(own, page)).toBe(true)
  })

  it('the main process uses this predicate, not a prefix check on file://', () => {
    const main = fs.readFileSync(path.join(root, 'electron', 'main', 'index.ts'), 'utf8')
    expect(main).toContain("from '../host/trusted-page'")
    expect(main).not.toMatch(/startsWith\(\s*['"]file:/)
  })
})
