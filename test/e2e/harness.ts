/**
 * End-to-end harness: the built browser host in a child process on a temp
 * database, driven by Debian's Chromium through playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { chromium, type Browser, type Page } from 'playwright-core'

const root = path.resolve(__dirname, '../..')
export const resultsDir = path.join(root, 'test-results')

export interface RunningHost {
  url: string
  dbPath: string
  child: ChildProcess
  stop(): Promise<void>
}

export async function startHost(dbPath: string): Promise<RunningHost> {
  const script = path.join(root, 'out/main/host.js')
  if (!fs.existsSync(script)) throw new Error('out/main/host.js is missing: run `npm run build` first (npm run test:e2e does)')
  const child = spawn(process.execPath, [script, '--db', dbPath, '--port', '0', '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)))
  })
  return {
    url,
    dbPath,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('[page error]', err))
  return page
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(resultsDir, { recursive: true })
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: false })
}

export interface App {
  host: RunningHost
  browser: Browser
  page: Page
  /** The test's own folder (the ledger file lives in it); removed by close(). */
  dir: string
  /** Uncaught errors of the page: a passing test expects none. */
  errors: string[]
  /** A read-only query on the ledger file. */
  query<T>(sql: string, ...params: unknown[]): T[]
  close(): Promise<void>
}

/** A fresh ledger in a temp folder, the browser host on it, and a Chromium page. */
export async function openApp(prefix: string): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ledger-e2e-${prefix}-`))
  const host = await startHost(path.join(dir, 'ledger.sqlite'))
  const browser = await launchBrowser()
  const page = await newPage(browser)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return {
    host,
    browser,
    page,
    dir,
    errors,
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new Database(host.dbPath, { readonly: true })
      try {
        return db.prepare(sql).all(...params) as T[]
      } finally {
        db.close()
      }
    },
    async close() {
      await browser.close()
      await host.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
