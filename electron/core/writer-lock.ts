/**
 * One writer per ledger file: a lock file beside the database naming the
 * process that holds it. A second browser host or CLI on the same file is
 * refused; a lock left by a process that died is taken over.
 *
 * The lock sits beside the file's real path (symlinks and linked folders
 * resolved), so a second name for the same ledger meets the same lock.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LedgerError } from '../../shared/api/result'

interface LockInfo {
  pid: number
  host: string
  startedAt: string
  what: string
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The path the ledger really has: symlinks (also dangling ones, to a ledger
 * not created yet) and linked folders resolved; a file that does not exist
 * yet is resolved through its folder, which is created if needed.
 */
export function realLedgerPath(dbPath: string): string {
  let current = path.resolve(dbPath)
  for (let hops = 0; hops < 40; hops++) {
    try {
      return fs.realpathSync.native(current)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    let target: string
    try {
      target = fs.readlinkSync(current) // a link whose target does not exist yet
    } catch {
      // No file of that name: its folder decides (the first run on a machine may have to create it).
      const folder = path.dirname(current)
      fs.mkdirSync(folder, { recursive: true })
      return path.join(fs.realpathSync.native(folder), path.basename(current))
    }
    current = path.resolve(path.dirname(current), target)
  }
  throw new LedgerError('db_unreadable', `台账文件「${dbPath}」是一串互相指向的快捷方式（符号链接），无法找到真正的文件。请改用文件本身的路径。`)
}

export function acquireWriterLock(dbPath: string, what: string): () => void {
  // The first run on a machine: the data folder the ledger will live in may not exist yet.
  fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true })
  const lockPath = `${realLedgerPath(dbPath)}.lock`
  const info: LockInfo = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), what }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(info), { flag: 'wx' })
      let released = false
      return () => {
        if (released) return
        released = true
        try {
          const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo
          if (current.pid === process.pid) fs.rmSync(lockPath, { force: true })
        } catch {
          // already gone
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    let holder: LockInfo | null = null
    try {
      holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo
    } catch {
      holder = null // half-written or unreadable: treat as stale
    }
    const sameMachine = !holder || holder.host === os.hostname()
    if (holder && (!sameMachine || alive(holder.pid))) {
      throw new LedgerError(
        'db_locked',
        `台账文件「${dbPath}」已被另一个程序打开（${holder.what}，进程 ${holder.pid}${sameMachine ? '' : `，电脑 ${holder.host}`}，` +
          `自 ${holder.startedAt.slice(0, 16).replace('T', ' ')} 起）。同一份台账同时只能由一个程序写入，以免数据损坏。请先关闭那个窗口或命令，再重试。`,
      )
    }
    fs.rmSync(lockPath, { force: true }) // stale: its process is gone
  }
  throw new LedgerError('db_locked', `无法锁定台账文件「${dbPath}」，请稍后重试。`)
}
