import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getBackupDir, setBackupDir } from '../../../electron/core/backups/settings'
import { tempDir } from '../../helpers/temp'
import { seededLedger } from './fixtures'

const auditOf = (ledger: ReturnType<typeof seededLedger>['ledger']) =>
  ledger.sqlite.prepare("SELECT at, actor, action, table_name, record_id, field, old_value, new_value, batch FROM audit_log WHERE table_name = 'settings' ORDER BY id").all()

describe('the backup folder setting', () => {
  it('defaults to backups/ beside the ledger file', async () => {
    const { ledger, dir } = seededLedger(1, 1, 1)
    expect(getBackupDir(ledger)).toBe(path.join(dir, 'backups'))
    await ledger.close()
  })

  it('stores a checked folder with an audit row per change, and returns to the default with null', async () => {
    const { ledger, dir } = seededLedger(1, 1, 1)
    const usb = path.join(tempDir('usb-'), '台账备份')
    const other = tempDir('share-')
    const t = new Date('2026-11-22T02:00:00Z')

    expect(setBackupDir(ledger, usb, '张干事', t)).toBe(usb)
    expect(fs.readdirSync(usb)).toEqual([]) // created, probe removed
    expect(getBackupDir(ledger)).toBe(usb)
    expect(setBackupDir(ledger, `${usb}${path.sep}`, '张干事', t)).toBe(usb) // same folder: no new audit row
    setBackupDir(ledger, other, '李干事', t)
    expect(setBackupDir(ledger, null, '李干事', t)).toBe(path.join(dir, 'backups'))
    expect(ledger.sqlite.prepare("SELECT count(*) AS n FROM settings WHERE key <> 'ledger.id'").get()).toEqual({ n: 0 })

    const row = { at: t.toISOString(), table_name: 'settings', record_id: 0, field: 'backup.dir', batch: null }
    expect(auditOf(ledger)).toEqual([
      { ...row, actor: '张干事', action: 'insert', old_value: null, new_value: usb },
      { ...row, actor: '李干事', action: 'update', old_value: usb, new_value: other },
      { ...row, actor: '李干事', action: 'delete', old_value: other, new_value: null },
    ])
    await ledger.close()
  })

  it('refuses a folder it cannot write to (e.g. an unplugged USB drive), naming it, and keeps the old setting', async () => {
    const { ledger, dir } = seededLedger(1, 1, 1)
    fs.writeFileSync(path.join(dir, 'not-a-folder'), 'x')
    const bad = path.join(dir, 'not-a-folder', '备份')
    expect(() => setBackupDir(ledger, bad, '张干事')).toThrow(new RegExp(`备份文件夹「${bad.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}」无法写入.*请插好后重试`))
    expect(() => setBackupDir(ledger, '备份', '张干事')).toThrow(/不是完整路径/)
    expect(getBackupDir(ledger)).toBe(path.join(dir, 'backups'))
    expect(auditOf(ledger)).toEqual([])
    await ledger.close()
  })
})
