import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../..')

/**
 * PRELOAD_JS_CHECK flags every window that has a preload script, as a reminder
 * to review it (electronegativity marks it for manual review). Ours is
 * reviewed by the test below: one object, four functions, no Electron object
 * handed to the page.
 */
const REVIEWED = ['PreloadJSCheck']

function scan(files: Record<string, string>): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-eneg-'))
  try {
    for (const [to, from] of Object.entries(files)) {
      fs.mkdirSync(path.join(dir, path.dirname(to)), { recursive: true })
      fs.copyFileSync(path.join(root, from), path.join(dir, to))
    }
    const report = path.join(dir, 'report.csv')
    const electron = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version
    const run = spawnSync(path.join(root, 'node_modules/.bin/electronegativity'), ['-i', dir, '-e', electron, '-x', REVIEWED.join(','), '-o', report, '-v', 'false'], {
      encoding: 'utf8',
      timeout: 120_000,
    })
    if (!fs.existsSync(report)) throw new Error(run.stdout + run.stderr)
    return fs.readFileSync(report, 'utf8').trim().split('\n').slice(1)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

// The sources, since the checks look for `new BrowserWindow(...)` as written (bundles rename it).
const SHELL = { 'main/index.ts': 'electron/main/index.ts', 'preload/index.ts': 'electron/preload/index.ts', 'index.html': 'renderer/index.html', 'package.json': 'package.json' }

describe('the Electron shell passes electronegativity', () => {
  it('has no high or medium findings', () => {
    const rows = scan(SHELL)
    expect(rows.filter((r) => /^[A-Z_]+,"(HIGH|MEDIUM)"/.test(r))).toEqual([])
  })

  it('would catch a weakened window (the scan really reads our settings)', () => {
    const weakened = path.join(root, 'test-results', 'weakened-main.ts')
    fs.mkdirSync(path.dirname(weakened), { recursive: true })
    fs.writeFileSync(
      weakened,
      fs.readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8').replace('contextIsolation: true', 'contextIsolation: false').replace('sandbox: true', 'sandbox: false'),
    )
    try {
      const rows = scan({ ...SHELL, 'main/index.ts': path.relative(root, weakened) })
      expect(rows.some((r) => r.startsWith('CONTEXT_ISOLATION_JS_CHECK,"HIGH"'))).toBe(true)
      expect(rows.some((r) => r.startsWith('SANDBOX_JS_CHECK,"MEDIUM"'))).toBe(true)
    } finally {
      fs.rmSync(weakened, { force: true })
    }
  })

  it('the preload exposes exactly one narrow object and no Electron API', () => {
    const preload = fs.readFileSync(path.join(root, 'electron/preload/index.ts'), 'utf8')
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(preload).toContain("contextBridge.exposeInMainWorld('ledger', bridge)")
    // Only these members, each a function calling a fixed channel.
    const members = [...preload.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1])
    expect(members.sort()).toEqual(['host', 'invoke', 'onEvent', 'pickFile', 'saveFile', 'savePdf'])
    expect([...preload.matchAll(/ipcRenderer\.(invoke|on)\('([\w:-]+)'/g)].map((m) => m[2]).sort()).toEqual([
      'ledger:event',
      'ledger:invoke',
      'ledger:pick-file',
      'ledger:save-file',
      'ledger:save-pdf',
    ])
  })
})
