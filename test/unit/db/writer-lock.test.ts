import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../../electron/core/create-core'
import { acquireWriterLock } from '../../../electron/core/writer-lock'
import { tempDir } from '../../helpers/temp'

describe('one writer per ledger file', () => {
  it('refuses a second core on the same file with a clear message, and allows it after the first closes', async () => {
    const dbPath = path.join(tempDir(), 'ledger.sqlite')
    const first = createCore({ dbPath, appVersion: 't', jobMode: 'inline', emit: () => undefined, lockOwner: '浏览器版台账' })
    expect(() => createCore({ dbPath, appVersion: 't', jobMode: 'inline', emit: () => undefined })).toThrow(
      /已被另一个程序打开（浏览器版台账，进程 \d+.*同时只能由一个程序写入/,
    )
    await first.close()
    expect(fs.existsSync(`${dbPath}.lock`)).toBe(false)
    const second = createCore({ dbPath, appVersion: 't', jobMode: 'inline', emit: () => undefined })
    await second.close()
  })

  it('takes over a lock left by a process that died', async () => {
    const dbPath = path.join(tempDir(), 'ledger.sqlite')
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10)'])
    const pid = child.pid!
    await new Promise((r) => child.on('exit', r))
    fs.writeFileSync(`${dbPath}.lock`, JSON.stringify({ pid, host: (await import('node:os')).hostname(), startedAt: new Date().toISOString(), what: '命令行' }))
    const release = acquireWriterLock(dbPath, 'test')
    expect(JSON.parse(fs.readFileSync(`${dbPath}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, what: 'test' })
    release()
    expect(fs.existsSync(`${dbPath}.lock`)).toBe(false)
  })

  it('creates the data folder on a first run, so the lock (and then the ledger) can be made', () => {
    const dbPath = path.join(tempDir(), 'not', 'yet', 'ledger.sqlite')
    const release = acquireWriterLock(dbPath, 'test')
    expect(fs.existsSync(`${dbPath}.lock`)).toBe(true)
    release()
    expect(fs.existsSync(`${dbPath}.lock`)).toBe(false)
  })

  it('locks the real file: a symlink to a locked ledger, or to its folder, is refused as a second writer', () => {
    const dir = tempDir()
    const dbPath = path.join(dir, 'ledger.sqlite')
    const release = acquireWriterLock(dbPath, '浏览器版台账')
    try {
      const fileLink = path.join(tempDir(), 'link.sqlite')
      fs.symlinkSync(dbPath, fileLink)
      // The ledger does not exist yet either: the lock is on the folder's real path plus the name.
      expect(() => acquireWriterLock(fileLink, '命令行')).toThrow(/已被另一个程序打开（浏览器版台账/)
      const folderLink = path.join(tempDir(), 'data')
      fs.symlinkSync(dir, folderLink)
      expect(() => acquireWriterLock(path.join(folderLink, 'ledger.sqlite'), '命令行')).toThrow(/已被另一个程序打开/)
      fs.writeFileSync(dbPath, '')
      expect(() => acquireWriterLock(fileLink, '命令行')).toThrow(/已被另一个程序打开/)
      expect(fs.existsSync(`${fileLink}.lock`)).toBe(false)
    } finally {
      release()
    }
    expect(fs.existsSync(`${dbPath}.lock`)).toBe(false)
  })
})
