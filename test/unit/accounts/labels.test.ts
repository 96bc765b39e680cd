/** Issue 18, item 15: every table and column of a fresh ledger has a Chinese label for 修改记录 and the audit log. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openLedger } from '../../../electron/core/db/open'
import { fieldLabel, hasFieldLabel, tableLabel, TABLE_LABELS } from '../../../shared/domain/accounts-labels'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-labels-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('labels of tables and fields', () => {
  it('names every table and every column of a fresh ledger in Chinese', async () => {
    const ledger = openLedger(path.join(dir, 'ledger.sqlite'))
    try {
      const tables = ledger.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
      expect(tables.length).toBeGreaterThan(20)
      expect(tables.filter((t) => !(t in TABLE_LABELS))).toEqual([])
      const missing: string[] = []
      for (const t of tables) {
        for (const c of ledger.sqlite.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]) if (!hasFieldLabel(t, c.name)) missing.push(`${t}.${c.name}`)
      }
      expect(missing).toEqual([])
    } finally {
      await ledger.close()
    }
  })

  it('gives the names the clerk saw raw before', () => {
    expect(tableLabel('project_budget_lines')).toBe('项目资金预算')
    expect(fieldLabel('villages', 'is_demo')).toBe('示例数据')
    expect(fieldLabel('households', 'household_no')).toBe('户编号')
    expect(fieldLabel('members', 'id_number')).toBe('证件号码')
    expect(fieldLabel('project_budget_lines', 'amount_fen')).toBe('预算金额')
    expect(fieldLabel('accounts', 'display_name')).toBe('姓名')
    expect(fieldLabel('settings', 'backup.dir')).toBe('备份文件夹')
  })
})
