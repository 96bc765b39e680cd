/**
 * `npm start`: serves the app to a local browser. Opens the ledger, starts the
 * HTTP server on 127.0.0.1 with a fresh token, prints the link and opens it
 * where a desktop browser exists.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { version } from '../../package.json'
import type { LedgerEvent } from '../../shared/api/jobs'
import { createCore } from '../core/create-core'
import { defaultDbPath } from '../core/paths'
import { parseHostArgs } from './args'
import { startHostServer } from './server'

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2))
  const dbPath = path.resolve(args.db ?? defaultDbPath())
  const listeners = new Set<(e: LedgerEvent, owner?: string) => void>()
  const core = createCore({
    dbPath,
    appVersion: version,
    lockOwner: '浏览器版台账（npm start）',
    workerScript: path.join(__dirname, 'job-worker.js'),
    emit: (e, owner) => listeners.forEach((l) => l(e, owner)),
  })
  if (core.ledger.preMigrationCopy) console.log(`数据库已升级，升级前的副本：${core.ledger.preMigrationCopy}`)
  const newToken = () => randomBytes(24).toString('base64url')
  const token = newToken()
  // Each link opens one browser window once; the page trades it for a cookie and drops it from the address.
  const server = await startHostServer({
    token,
    port: args.port,
    rendererDir: path.join(__dirname, '../renderer'),
    core,
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    nextToken: () => {
      const next = newToken()
      console.log(`链接已使用。如需在另一个浏览器窗口打开，请用新链接：${server.url}#token=${next}`)
      return next
    },
  })
  const link = `${server.url}#token=${token}`
  console.log(`乡镇帮扶台账 ${version}`)
  console.log(`数据库：${dbPath}`)
  console.log(`请在浏览器中打开：${link}`)
  console.log('（关闭此窗口或按 Ctrl+C 即停止服务）')
  if (core.ledgerCheck?.message) console.log(`\n注意：${core.ledgerCheck.message}`)
  if (args.open && !process.env.CI) openBrowser(link)

  const shutdown = async () => {
    await server.close()
    await core.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown())
  process.on('SIGTERM', () => void shutdown())
}

function openBrowser(url: string): void {
  const hasDesktop = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  if (!hasDesktop) return
  const [cmd, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]]
  const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true })
  child.on('error', () => undefined) // no browser launcher: the printed link is enough
  child.unref()
}

main().catch((err: Error) => {
  console.error(`无法启动：${err.message}`)
  process.exit(1)
})
