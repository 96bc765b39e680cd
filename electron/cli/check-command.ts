/**
 * `cli check`: every rule over the ledger for an as-of date; the run is kept like one from the page.
 * JSON carries full ID numbers (as the CLI export does), so the run is recorded in the access log.
 * Exit 0 with or without findings; 2 when the ledger cannot be read.
 */
import fs from 'node:fs'
import { runLedgerChecks } from '../core/checks'
import { openLedger } from '../core/db/open'
import { logAccess } from '../core/households/access-log'
import { CATALOGUE } from '../core/checks/rules/catalogue'

interface CheckJson {
  asOf: string
  rules: {
    code: string
    title: string
    category: string
    severity: string
    covers: string[]
    count: number
    items: { idNumber?: string; householdNumber?: string; village?: string; field: string; message: string }[]
  }[]
}

function fail(json: boolean, code: string, message: string): number {
  if (json) console.log(JSON.stringify({ error: { code, message } }))
  else console.error(message)
  return 2
}

export async function checkCommand(dbPath: string, options: { asOf?: string; json: boolean }): Promise<number> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) return fail(options.json, 'invalid_input', `「--as-of」${asOf} 不是日期，请写成 YYYY-MM-DD（如 2025-06-30）`)
  if (!fs.existsSync(dbPath) || fs.statSync(dbPath).size === 0) return fail(options.json, 'db_missing', `找不到台账文件 ${dbPath}（或文件为空），请用 --db 指定台账文件`)
  let ledger
  try {
    ledger = openLedger(dbPath)
  } catch (err) {
    return fail(options.json, 'db_unreadable', `无法读取台账文件 ${dbPath}：${err instanceof Error ? err.message : String(err)}`)
  }
  try {
    const { findings, run } = runLedgerChecks(ledger, '命令行', asOf)
    const waived = new Set(ledger.sqlite.prepare('SELECT key FROM check_waivers WHERE expires IS NULL OR expires >= ?').pluck().all(asOf) as string[])
    const open = findings.filter((f) => !waived.has(f.key))
    const byRule = new Map<string, typeof open>()
    for (const f of open) {
      const list = byRule.get(f.rule)
      if (list) list.push(f)
      else byRule.set(f.rule, [f])
    }
    const out: CheckJson = {
      asOf,
      rules: CATALOGUE.map((r) => {
        const items = byRule.get(r.code) ?? []
        return {
          code: r.code, title: r.title, category: r.category, severity: r.severity, covers: [...r.covers], count: items.length,
          items: items.map((f) => ({
            ...(f.idNumber ? { idNumber: f.idNumber } : {}), ...(f.householdNo ? { householdNumber: f.householdNo } : {}), ...(f.village ? { village: f.village } : {}),
            field: f.field, message: f.message,
          })),
        }
      }),
    }
    logAccess(ledger, '命令行', 'export_unmasked', `疑点核查（核查日期 ${asOf}）：${open.length} 条，含完整证件号码`)
    if (options.json) console.log(JSON.stringify(out))
    else {
      console.log(`疑点核查（核查日期 ${asOf}）：未处理 ${run.open} 条，本次新增 ${run.new} 条，已豁免 ${run.waived} 条`)
      for (const r of out.rules.filter((x) => x.count > 0)) console.log(`  ${r.severity} ${r.title}（${r.covers.join('、') || r.code}）：${r.count} 条`)
    }
    return 0
  } finally {
    await ledger.close()
  }
}
