/** Issue 18, item 15: the access log screen's data — who revealed or exported full IDs, when; filtered and exported. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { accessLog, exportAccessLog } from '../../../electron/core/accounts/access-log'
import { openLedger } from '../../../electron/core/db/open'
import { logAccess } from '../../../electron/core/households/access-log'
import { loadExcelJS } from '../../../electron/core/spreadsheets/load-exceljs'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-access-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('access log', () => {
  it('lists reveals and unmasked exports newest first in Chinese, filters by person and action, and exports them', async () => {
    const ledger = openLedger(path.join(dir, 'ledger.sqlite'))
    try {
      logAccess(ledger, '王管理（wang，#1）', 'reveal_id', '张三 4199**********1234')
      logAccess(ledger, '李经办（li，#2）', 'export_unmasked', '花名册.xlsx：全部')
      logAccess(ledger, '王管理（wang，#1）', 'export_unmasked', '花名册.xlsx：3 户（当前筛选）')
      const all = accessLog(ledger, { page: 1, pageSize: 50 })
      expect(all.total).toBe(3)
      expect(all.entries.map((e) => [e.actor, e.action, e.detail])).toEqual([
        ['王管理（wang，#1）', '导出完整号码', '花名册.xlsx：3 户（当前筛选）'],
        ['李经办（li，#2）', '导出完整号码', '花名册.xlsx：全部'],
        ['王管理（wang，#1）', '显示完整号码', '张三 4199**********1234'],
      ])
      expect(all.actors).toEqual(['李经办（li，#2）', '王管理（wang，#1）'].sort())
      expect(accessLog(ledger, { actor: '王管理（wang，#1）', action: 'export_unmasked', page: 1, pageSize: 50 }).total).toBe(1)
      expect(accessLog(ledger, { to: '2000-01-01', page: 1, pageSize: 50 }).total).toBe(0)

      const out = path.join(dir, 'access.xlsx')
      expect(await exportAccessLog(ledger, { action: 'export_unmasked' }, out)).toBe(2)
      const excel = await loadExcelJS()
      const wb = new excel.Workbook()
      await wb.xlsx.readFile(out)
      const sheet = wb.getWorksheet('访问日志')!
      expect(sheet.getRow(1).values).toEqual([undefined, '时间', '操作人', '操作', '说明'])
      expect(sheet.getRow(3).getCell(4).value).toBe('花名册.xlsx：3 户（当前筛选）')
    } finally {
      await ledger.close()
    }
  })
})
