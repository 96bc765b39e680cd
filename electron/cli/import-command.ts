/** `cli import`: the same parse, plan and commit as the UI, with the exit codes scripts rely on. */
import path from 'node:path'
import { LedgerError } from '../../shared/api/result'
import { backupBefore } from '../core/backups'
import type { Ledger } from '../core/db/open'
import { runLedgerChecks } from '../core/checks'
import { commitRosterImport } from '../core/households/import/commit'
import { parseRosterFile } from '../core/households/import/parse'
import { keepIssuesPlan, planRosterImport, planWrites } from '../core/households/import/plan'
import { commitNationalImport, isChanged, parseNationalFile, planNationalImport, recallMapping, recogniseFile } from '../core/national'
import { NATIONAL_KINDS, type NationalKind } from '../../shared/import/national-kinds'
import { NATIONAL_KIND_NOUNS } from '../../shared/import/national-fields'
import { localToday } from '../core/households'
import { commitProblemImport, parseProblemFile, planProblemImport, recallProblemMapping } from '../core/rectification'

export const EXIT_OK = 0
export const EXIT_BLOCKED = 1
export const EXIT_UNREADABLE = 2

export interface ImportOptions {
  sheet?: string
  dryRun: boolean
  json: boolean
  /** 全部导入，错误记为疑点. */
  keepIssues?: boolean
  /** --no-checks: skip the check run after a write (scripted bulk loads that run `cli check` once at the end). */
  noChecks?: boolean
}

/** After an import wrote something: every rule over the ledger, as the UI does; its counts for the output. */
export function checksAfterImport(ledger: Ledger, actor: string): { open: number; new: number } {
  const { run } = runLedgerChecks(ledger, actor)
  return { open: run.open, new: run.new }
}

export async function importCommand(ledger: Ledger, file: string, options: ImportOptions): Promise<number> {
  // LEDGER_TRACE=1: each new step's message with the time since the command started (for profiling an import).
  const trace = process.env.LEDGER_TRACE ? { t0: performance.now(), last: '' } : null
  const progress = (done: number, total: number, message: string) => {
    const step = message.replace(/\d+/g, '#')
    if (trace && step !== trace.last) {
      trace.last = step
      process.stderr.write(`[${(performance.now() - trace.t0).toFixed(0)} ms] ${message}\n`)
    }
    if (process.stderr.isTTY) process.stderr.write(`\r${message}（${total ? Math.round((done / total) * 100) : 0}%）   `)
  }
  const ctx = { dbPath: ledger.path, actor: '命令行', progress, checkCancelled: () => undefined }
  let roster
  try {
    // One command for every kind: the national exports go to their own import, the rest to the roster's.
    const { kind } = await recogniseFile(file, options.sheet)
    if ((NATIONAL_KINDS as readonly string[]).includes(kind.kind)) return await importNational(ledger, file, kind.kind as NationalKind, options, ctx)
    if (kind.kind === 'problems') return await importProblems(ledger, file, options, ctx)
    roster = await parseRosterFile(ledger, { path: file, fileName: path.basename(file), sheet: options.sheet }, ctx)
  } catch (err) {
    if (!(err instanceof LedgerError)) throw err
    if (options.json) console.log(JSON.stringify({ error: { code: err.code, message: err.message } }))
    else console.error(err.message)
    return EXIT_UNREADABLE
  }
  const plan = planRosterImport(ledger, roster)
  const errors = plan.issues.filter((i) => i.severity === 'error').length
  const keep = options.keepIssues && errors ? keepIssuesPlan(plan, roster.sheet) : null
  let counts = plan.counts
  let code = EXIT_OK
  let checks: { open: number; new: number } | null = null
  if (errors && !keep) code = EXIT_BLOCKED
  else if (!options.dryRun) {
    if (planWrites(plan, 0)) await backupBefore(ledger, 'pre-import')
    counts = commitRosterImport(ledger, roster, plan, { ...ctx, skipBlocked: false, keepIssues: Boolean(keep), removeHouseholds: {}, removeMembers: {} })
    // As in the UI, the 疑点 follow every import that writes (kept errors become findings at once).
    if (!options.noChecks) checks = checksAfterImport(ledger, ctx.actor)
  }
  if (process.stderr.isTTY) process.stderr.write('\n')

  const issues = plan.issues.map(({ sheet, row, column, severity, code: c, message }) => ({ sheet, row, column, severity, code: c, message }))
  const leftOut = keep?.leftOut.map(({ sheet, row, message }) => ({ sheet, row, message })) ?? []
  if (options.json) {
    console.log(JSON.stringify({
      households: counts.households, members: counts.members, issues,
      ...(keep ? { keptAsFindings: keep.kept.length, leftOut } : {}),
      ...(checks ? { checks } : {}),
    }))
  } else {
    for (const i of issues) console.log(`[${i.severity === 'error' ? '错误' : '提醒'}] ${i.sheet} 第 ${i.row} 行 ${i.column}：${i.message}`)
    const h = counts.households
    const m = counts.members
    const verb = code === EXIT_BLOCKED ? '有错误，未写入任何数据' : options.dryRun ? '试运行，未写入' : '已导入'
    console.log(`${verb}。户：新增 ${h.new}，变更 ${h.changed}，未变 ${h.unchanged}，表中没有 ${h.missing}；人：新增 ${m.new}，变更 ${m.changed}，未变 ${m.unchanged}，表中没有 ${m.missing}。`)
    if (keep) {
      console.log(`${options.dryRun ? '将有' : '已有'} ${keep.kept.length} 处错误连同所在的户和人${options.dryRun ? '导入' : '导入'}，记为疑点（见「疑点核查」）；${leftOut.length} 行既没有证件号码也没有户编号，${options.dryRun ? '将不导入' : '没有导入'}：`)
      for (const l of leftOut) console.log(`  ${l.sheet} 第 ${l.row} 行：${l.message}`)
    } else if (code === EXIT_BLOCKED) console.log('如要连同错误一起导入、把错误记为疑点，请加 --keep-issues。')
    if (checks) console.log(`导入后已核查疑点：未处理 ${checks.open} 条，其中本次新增 ${checks.new} 条。`)
  }
  return code
}

async function importNational(
  ledger: Ledger,
  file: string,
  kind: NationalKind,
  options: ImportOptions,
  ctx: { actor: string; progress(done: number, total: number, message: string): void; checkCancelled(): void },
): Promise<number> {
  const parsed = await parseNationalFile({ path: file, fileName: path.basename(file), sheet: options.sheet }, ctx, recallMapping(ledger))
  const plan = planNationalImport(ledger, parsed)
  const errors = plan.issues.filter((i) => i.severity === 'error').length
  let code = EXIT_OK
  let checks: { open: number; new: number } | null = null
  const keep = Boolean(options.keepIssues && errors)
  if (errors && !keep) code = EXIT_BLOCKED
  else if (!options.dryRun) {
    if (plan.records.some(isChanged)) await backupBefore(ledger, 'pre-import')
    commitNationalImport(ledger, parsed, plan, { actor: ctx.actor, keepIssues: keep, progress: ctx.progress })
    if (!options.noChecks) checks = checksAfterImport(ledger, ctx.actor)
  }
  if (process.stderr.isTTY) process.stderr.write('\n')
  const issues = plan.issues.map(({ sheet, row, column, severity, code: c, message }) => ({ sheet, row, column, severity, code: c, message }))
  const c = plan.counts
  if (options.json) {
    console.log(JSON.stringify({ kind, records: c, issues, ...(keep ? { keptAsFindings: errors } : {}), ...(checks ? { checks } : {}) }))
  } else {
    for (const i of issues) console.log(`[${i.severity === 'error' ? '错误' : '提醒'}] ${i.sheet} 第 ${i.row} 行 ${i.column}：${i.message}`)
    const verb = code === EXIT_BLOCKED ? '有错误，未写入任何数据' : options.dryRun ? '试运行，未写入' : '已导入'
    const noun = NATIONAL_KIND_NOUNS[kind]
    console.log(`${verb}（${noun.record}）。新增 ${c.new}，变更 ${c.changed}，未变 ${c.unchanged}，台账有、表中没有 ${c.missing}，台账中找不到 ${c.notInLedger}（${noun.unit}）。`)
    if (keep) console.log(`${errors} 处错误按原表内容导入，记为疑点（见「疑点核查」）；台账中找不到的行没有导入。`)
    else if (code === EXIT_BLOCKED) console.log('如要连同错误一起导入、把错误记为疑点，请加 --keep-issues。')
    if (checks) console.log(`导入后已核查疑点：未处理 ${checks.open} 条，其中本次新增 ${checks.new} 条。`)
  }
  return code
}

/** A county's problem list (问题整改清单): the rectification import, as the page does it; `{"kind":"problems","problems":{…},"issues":[…]}`. */
async function importProblems(
  ledger: Ledger,
  file: string,
  options: { sheet?: string; dryRun: boolean; json: boolean },
  ctx: { actor: string; progress(done: number, total: number, message: string): void; checkCancelled(): void },
): Promise<number> {
  const list = await parseProblemFile({ path: file, fileName: path.basename(file), sheet: options.sheet }, ctx, recallProblemMapping(ledger))
  const plan = planProblemImport(ledger, list)
  const issues = [...list.issues, ...plan.issues].sort((a, b) => a.row - b.row).map(({ row, column, severity, code: c, message }) => ({ sheet: list.sheet, row, column, severity, code: c, message }))
  let code = EXIT_OK
  if (issues.some((i) => i.severity === 'error')) code = EXIT_BLOCKED
  else if (!options.dryRun) {
    if (plan.counts.new || plan.counts.changed) await backupBefore(ledger, 'pre-import')
    commitProblemImport(ledger, list, plan, { actor: ctx.actor, today: localToday(), checkCancelled: ctx.checkCancelled, progress: ctx.progress })
  }
  if (process.stderr.isTTY) process.stderr.write('\n')
  const c = plan.counts
  if (options.json) {
    console.log(JSON.stringify({ kind: 'problems', problems: c, issues }))
  } else {
    for (const i of issues) console.log(`[${i.severity === 'error' ? '错误' : '提醒'}] ${i.sheet} 第 ${i.row} 行 ${i.column}：${i.message}`)
    const verb = code === EXIT_BLOCKED ? '有错误，未写入任何数据' : options.dryRun ? '试运行，未写入' : '已导入'
    console.log(`${verb}（整改问题）。新增 ${c.new}，变更 ${c.changed}，未变 ${c.unchanged}，台账有、表中没有 ${c.missing}（个）。`)
  }
  return code
}
