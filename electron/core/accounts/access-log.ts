/**
 * The access log for administrators: who revealed or exported full ID numbers and phones (and
 * failed sign-ins), when — filtered, newest first, and exportable to .xlsx.
 */
import { ACCESS_ACTIONS, type AccessEntry, type AccessLogPage, type AccessLogQuery } from '../../../shared/api/accounts'
import type { Ledger } from '../db/open'
import { cellTexts } from '../spreadsheets/cell-text'
import { loadExcelJS } from '../spreadsheets/load-exceljs'

function where(q: Omit<AccessLogQuery, 'page' | 'pageSize'>): { sql: string; params: string[] } {
  const parts: string[] = []
  const params: string[] = []
  const add = (sql: string, value: string) => {
    parts.push(sql)
    params.push(value)
  }
  if (q.actor) add('actor = ?', q.actor)
  if (q.action) add('action = ?', q.action)
  if (q.from) add('at >= ?', q.from)
  // Through the end of the last day: every ISO time of that day sorts before 'T99'.
  if (q.to) add('at < ?', `${q.to}T99`)
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

const entry = (r: { id: number; at: string; actor: string; action: string; detail: string | null }): AccessEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: ACCESS_ACTIONS[r.action as keyof typeof ACCESS_ACTIONS] ?? r.action,
  detail: r.detail ?? '',
})

export function accessLog(ledger: Ledger, q: AccessLogQuery): AccessLogPage {
  const w = where(q)
  const total = ledger.sqlite.prepare(`SELECT count(*) FROM access_log ${w.sql}`).pluck().get(...w.params) as number
  const rows = ledger.sqlite
    .prepare(`SELECT id, at, actor, action, detail FROM access_log ${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...w.params, q.pageSize, (q.page - 1) * q.pageSize) as Parameters<typeof entry>[0][]
  const actors = ledger.sqlite.prepare('SELECT DISTINCT actor FROM access_log ORDER BY actor').pluck().all() as string[]
  return { entries: rows.map(entry), total, actors }
}

export async function exportAccessLog(ledger: Ledger, q: Omit<AccessLogQuery, 'page' | 'pageSize'>, outputPath: string): Promise<number> {
  const w = where(q)
  const excel = await loadExcelJS()
  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: outputPath, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet('访问日志')
  sheet.columns = [{ header: '时间', width: 22 }, { header: '操作人', width: 24 }, { header: '操作', width: 16 }, { header: '说明', width: 60 }]
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
  let n = 0
  for (const r of ledger.sqlite.prepare(`SELECT id, at, actor, action, detail FROM access_log ${w.sql} ORDER BY id`).iterate(...w.params) as Iterable<Parameters<typeof entry>[0]>) {
    const e = entry(r)
    sheet.addRow(cellTexts([e.at, e.actor, e.action, e.detail])).commit()
    n++
  }
  sheet.commit()
  await workbook.commit()
  return n
}
