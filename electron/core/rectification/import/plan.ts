/**
 * Compares a parsed problem list with the ledger: which problems are new, which changed (field by
 * field) and which are unchanged; links each row's village, household or project to the record.
 */
import type { CountSet, ImportIssueView } from '../../../../shared/api/households-import'
import type { ProblemImportPreview } from '../../../../shared/api/rectification'
import { problemFieldLabel, type ProblemFieldKey } from '../../../../shared/import/rectification-fields'
import type { Ledger } from '../../db/ledger'
import { scopeLabelOf } from '../problems'
import type { ParsedProblem, ParsedProblemList } from './parse'

type Value = string | number | null

export interface PlannedProblem {
  parsed: ParsedProblem
  existingId: number | null
  /** Every column the row sets. */
  values: Record<string, Value>
  /** For an existing problem: the columns that differ. */
  changed: string[]
  scopeLabel: string
}

export interface ProblemPlan {
  problems: PlannedProblem[]
  counts: CountSet
  issues: Omit<ImportIssueView, 'sheet'>[]
  /** Problems of the ledger of a batch (or, without one, a source) the file lists, that the file does not have: left as they are. */
  missing: MissingProblem[]
}

export interface MissingProblem {
  id: number
  problemNo: string | null
  source: string
  batchNo: string | null
  description: string
  status: string
}

/** What a list covers: its batch (文号), or its source for problems with no batch. */
const coverKey = (source: string, batchNo: string | null) => (batchNo ? `batch:${batchNo}` : `source:${source}`)

const COLUMN_LABELS: Record<string, string> = {
  problem_no: '问题编号', source: '问题来源', batch_no: '批次或文号', found_date: '发现日期', description: '问题描述', scope: '涉及范围',
  village_id: '涉及村', household_id: '涉及户', project_id: '涉及项目', scope_note: '范围说明', leader: '责任领导', unit: '责任单位',
  person: '责任人', measures: '整改措施', deadline: '整改时限', status: '整改状态', rectified_date: '整改完成日期', closed_date: '销号日期',
  closed_by: '销号审批', similar: '举一反三',
}
export const columnLabel = (c: string) => COLUMN_LABELS[c] ?? c

export function planProblemImport(ledger: Ledger, list: ParsedProblemList): ProblemPlan {
  const db = ledger.sqlite
  const villages = new Map((db.prepare('SELECT id, name FROM villages').all() as { id: number; name: string }[]).map((v) => [v.name, v.id]))
  const villageOf = (name: string) => villages.get(name) ?? villages.get(name.replace(/村$/, '')) ?? villages.get(`${name}村`) ?? null
  const heads = db.prepare(
    `SELECT h.id, h.village_id FROM households h JOIN members m ON m.household_id = h.id
     WHERE m.relation = '户主' AND m.removed_reason IS NULL AND h.removed_reason IS NULL AND m.name = ?`,
  )
  const projectByName = db.prepare('SELECT id FROM projects WHERE name = ? ORDER BY id DESC LIMIT 2').pluck()
  const byNo = db.prepare('SELECT * FROM rectification_problems WHERE problem_no = ?')
  const byText = db.prepare('SELECT * FROM rectification_problems WHERE problem_no IS NULL AND source = ? AND found_date = ? AND description = ?')
  const issues: ProblemPlan['issues'] = []
  /** The file's own header for a field (「所在村」), so the issue names the column as Excel shows it. */
  const LABEL_FIELD: Record<string, ProblemFieldKey> = { 涉及村: 'village', 涉及户: 'household', 涉及项目: 'project', 问题编号: 'problem_no', 问题描述: 'description' }
  const headerOf = (label: string) => list.columns.find((c) => c.field === LABEL_FIELD[label] && !c.duplicateOf)?.header ?? label
  const warn = (row: number, label: string, code: string, message: string) => {
    const column = headerOf(label)
    issues.push({ row, column, severity: 'warning', code, message: `第${row}行「${column}」：${message}` })
  }
  const counts: CountSet = { new: 0, changed: 0, unchanged: 0, missing: 0 }
  const seen = new Set<string>()
  const problems = list.problems.map((p): PlannedProblem => {
    const villageId = p.village ? villageOf(p.village) : null
    let scope: Record<string, Value> = { scope: 'township', village_id: null, household_id: null, project_id: null, scope_note: null }
    if (p.household) {
      const found = (heads.all(p.household) as { id: number; village_id: number }[]).filter((h) => villageId === null || h.village_id === villageId)
      if (found.length === 1) scope = { ...scope, scope: 'household', household_id: found[0]!.id }
      else {
        scope = { ...scope, scope: 'household', village_id: villageId, scope_note: p.household }
        warn(p.excelRow, '涉及户', found.length ? 'household_ambiguous' : 'household_unknown',
          found.length ? `户台账中有 ${found.length} 户户主叫「${p.household}」，无法确定是哪一户；已按文字记下，导入后请在问题页面选择具体的户。`
            : `户台账中没有户主叫「${p.household}」的户${p.village ? `（${p.village}）` : ''}；已按文字记下。`)
      }
    } else if (p.project) {
      const ids = projectByName.all(p.project) as number[]
      if (ids.length === 1) scope = { ...scope, scope: 'project', project_id: ids[0]! }
      else {
        scope = { ...scope, scope: 'project', scope_note: p.project }
        warn(p.excelRow, '涉及项目', 'project_unknown', ids.length ? `项目台账中有多个「${p.project}」；已按文字记下，导入后请选择具体的项目。` : `项目台账中没有名为「${p.project}」的项目；已按文字记下。`)
      }
    } else if (p.village) {
      if (villageId !== null) scope = { ...scope, scope: 'village', village_id: villageId }
      else {
        scope = { ...scope, scope: 'village', scope_note: p.village }
        warn(p.excelRow, '涉及村', 'village_unknown', `本乡镇没有名为「${p.village}」的村；已按文字记下，请核对村名。`)
      }
    }
    const values: Record<string, Value> = {
      problem_no: p.problemNo, source: p.source, batch_no: p.batchNo, found_date: p.foundDate, description: p.description, ...scope,
      leader: p.leader, unit: p.unit, person: p.person, measures: p.measures, deadline: p.deadline, status: p.status,
      rectified_date: p.rectifiedDate, closed_date: p.closedDate, closed_by: p.closedBy, similar: p.similar,
    }
    const key = p.problemNo ?? `${p.source}|${p.foundDate}|${p.description}`
    if (seen.has(key)) warn(p.excelRow, p.problemNo ? '问题编号' : '问题描述', 'duplicate_row', '与上面某一行是同一个问题，后一行的内容会覆盖前一行。')
    seen.add(key)
    const existing = (p.problemNo ? byNo.get(p.problemNo) : byText.get(p.source, p.foundDate, p.description)) as Record<string, Value> | undefined
    const changed = existing ? Object.keys(values).filter((c) => (existing[c] ?? null) !== (values[c] ?? null)) : []
    if (!existing) counts.new++
    else if (changed.length) counts.changed++
    else counts.unchanged++
    const names = db.prepare(
      `SELECT v.name AS village_name, h.household_no,
        (SELECT m.name FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL LIMIT 1) AS head_name,
        (SELECT name FROM projects WHERE id = ?) AS project_name
       FROM (SELECT 1) LEFT JOIN households h ON h.id = ? LEFT JOIN villages v ON v.id = COALESCE(?, h.village_id)`,
    ).get(scope.project_id, scope.household_id, scope.village_id) as { village_name: string | null; household_no: string | null; head_name: string | null; project_name: string | null }
    return {
      parsed: p,
      existingId: existing ? Number(existing.id) : null,
      values,
      changed,
      scopeLabel: scopeLabelOf({ ...names, scope: scope.scope as 'township', scope_note: scope.scope_note as string | null }),
    }
  })
  // The file speaks for the batches (or sources) it lists: a problem of one of them it lacks is 「表中没有」.
  const covered = new Set(list.problems.map((p) => coverKey(p.source, p.batchNo)))
  const matched = new Set(problems.map((p) => p.existingId).filter((id): id is number => id !== null))
  const missing = (db.prepare('SELECT id, problem_no, source, batch_no, description, status FROM rectification_problems ORDER BY found_date, id').all() as {
    id: number; problem_no: string | null; source: string; batch_no: string | null; description: string; status: string
  }[])
    .filter((r) => !matched.has(r.id) && covered.has(coverKey(r.source, r.batch_no)))
    .map((r) => ({ id: r.id, problemNo: r.problem_no, source: r.source, batchNo: r.batch_no, description: r.description, status: r.status }))
  counts.missing = missing.length
  return { problems, counts, issues, missing }
}

export function buildProblemPreview(list: ParsedProblemList, plan: ProblemPlan): ProblemImportPreview {
  const issues = [...list.issues, ...plan.issues].sort((a, b) => a.row - b.row).map((i) => ({ ...i, sheet: list.sheet }))
  return {
    fileName: list.fileName,
    sheet: list.sheet,
    sheets: list.sheets,
    headerRow: list.headerRow,
    rows: list.problems.length + list.rejectedRows,
    columns: list.columns.map((c) => ({ index: c.index, letter: c.letter, header: c.header, field: c.field, label: c.field ? problemFieldLabel(c.field) : null, samples: list.samples[c.index] ?? [] })),
    problems: plan.counts,
    errorCount: issues.filter((i) => i.severity === 'error').length,
    warningCount: issues.filter((i) => i.severity === 'warning').length,
    issues,
    newProblems: plan.problems.filter((p) => p.existingId === null).map((p) => ({
      row: p.parsed.excelRow, problemNo: p.parsed.problemNo, source: p.parsed.source, description: p.parsed.description, scopeLabel: p.scopeLabel,
    })),
    missingProblems: plan.missing,
    rememberedMapping: list.rememberedMapping,
    changedProblems: plan.problems.filter((p) => p.existingId !== null && p.changed.length).map((p) => ({
      row: p.parsed.excelRow, problemNo: p.parsed.problemNo, description: p.parsed.description, fields: p.changed.map(columnLabel),
    })),
  }
}
