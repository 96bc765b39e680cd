/** `cli import-projects` / `cli export-projects`: the same parse, plan and commit as the UI, with the exit codes scripts rely on. */
import path from 'node:path'
import { LedgerError } from '../../shared/api/result'
import { backupBefore } from '../core/backups'
import type { Ledger } from '../core/db/open'
import { exportProjects } from '../core/projects/export'
import { commitProjectImport } from '../core/projects/import/commit'
import { recallReading } from '../core/projects/import/job'
import { parseProjectFile } from '../core/projects/import/parse'
import { isChanged, planProjectImport } from '../core/projects/import/plan'
import { checksAfterImport, EXIT_BLOCKED, EXIT_OK, EXIT_UNREADABLE } from './import-command'

export interface ProjectImportOptions {
  sheet?: string
  dryRun: boolean
  json: boolean
  /** --no-checks: skip the check run after a write. */
  noChecks?: boolean
}

/** Output goes through these so tests can capture it. */
export interface CliOutput {
  out(line: string): void
  err(line: string): void
}

const consoleOutput: CliOutput = { out: (l) => console.log(l), err: (l) => console.error(l) }

export async function importProjectsCommand(ledger: Ledger, file: string, options: ProjectImportOptions, io: CliOutput = consoleOutput): Promise<number> {
  const progress = (done: number, total: number, message: string) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${message}（${total ? Math.round((done / total) * 100) : 0}%）   `)
  }
  const ctx = { actor: '命令行', progress, checkCancelled: () => undefined }
  let list
  try {
    list = await parseProjectFile({ path: file, fileName: path.basename(file), sheet: options.sheet }, ctx, recallReading(ledger))
  } catch (err) {
    if (!(err instanceof LedgerError)) throw err
    if (options.json) io.out(JSON.stringify({ error: { code: err.code, message: err.message } }))
    else io.err(err.message)
    return EXIT_UNREADABLE
  }
  const plan = planProjectImport(ledger, list)
  const errors = plan.issues.filter((i) => i.severity === 'error').length
  let code = EXIT_OK
  let checks: { open: number; new: number } | null = null
  if (errors) code = EXIT_BLOCKED
  else if (!options.dryRun) {
    if (plan.projects.some(isChanged)) await backupBefore(ledger, 'pre-import')
    commitProjectImport(ledger, list, plan, ctx)
    if (!options.noChecks) checks = checksAfterImport(ledger, ctx.actor)
  }
  if (process.stderr.isTTY) process.stderr.write('\n')

  const issues = plan.issues.map(({ sheet, row, column, severity, code: c, message }) => ({ sheet, row, column, severity, code: c, message }))
  const p = plan.counts
  if (options.json) io.out(JSON.stringify({ projects: { new: p.new, changed: p.changed, unchanged: p.unchanged, missing: p.missing }, issues, ...(checks ? { checks } : {}) }))
  else {
    for (const i of issues) io.out(`[${i.severity === 'error' ? '错误' : '提醒'}] ${i.sheet} 第 ${i.row} 行 ${i.column}：${i.message}`)
    const verb = code === EXIT_BLOCKED ? '有错误，未写入任何数据' : options.dryRun ? '试运行，未写入' : '已导入'
    io.out(`${verb}。项目：新增 ${p.new}，变更 ${p.changed}，未变 ${p.unchanged}，表中没有 ${p.missing}。`)
    if (checks) io.out(`导入后已核查疑点：未处理 ${checks.open} 条，其中本次新增 ${checks.new} 条。`)
  }
  return code
}

export async function exportProjectsCommand(ledger: Ledger, file: string, options: { sourceLayout: boolean }, io: CliOutput = consoleOutput): Promise<number> {
  try {
    const r = await exportProjects(ledger, file, { layout: options.sourceLayout ? 'source' : 'standard' })
    io.out(`已导出 ${r.projects} 个项目到 ${file}`)
    return EXIT_OK
  } catch (err) {
    if (!(err instanceof LedgerError)) throw err
    io.err(err.message)
    return EXIT_UNREADABLE
  }
}
