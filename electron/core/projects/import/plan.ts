/**
 * Compares a parsed project list with the ledger: which projects are new, changed (field by
 * field, funds by source, 绩效目标) or unchanged, matched by 项目编号, else by name + year +
 * village; villages found by name. Pure reads, synchronous.
 */
import type { CountSet, FieldDiff, ImportIssueView } from '../../../../shared/api/households-import'
import type { MissingProjectView, ProjectChangeView } from '../../../../shared/api/projects-import'
import { amountText, fenToWanText, type FundSource } from '../../../../shared/domain/projects'
import { PROJECT_FIELDS } from '../../../../shared/import/projects-fields'
import type { Ledger } from '../../db/open'
import type { ParsedProject, ParsedProjectList, Value } from './types'

/** 绩效目标 read from a list is kept as one indicator, told apart from hand-entered ones by this level2. */
export const IMPORTED_INDICATOR = { level1: '产出指标', level2: '绩效目标' } as const

interface ExistingProject {
  id: number
  project_no: string | null
  name: string
  year: string | null
  village_id: number | null
  location: string | null
  extra: string | null
  [column: string]: Value
}

export interface BudgetChange {
  source: FundSource
  before: number
  after: number
}

export interface PlannedProject {
  parsed: ParsedProject
  existingId: number | null
  villageId: number | null
  /** Columns to write: every given value of a new project, the differing ones of an existing one. */
  changes: Record<string, Value>
  /** Sources whose amount differs (for a new project: every source with money). */
  budget: BudgetChange[]
  /** The imported 绩效目标 indicator to add (id null) or rewrite. */
  indicator: { id: number | null; before: string | null; after: string } | null
}

export interface ProjectPlan {
  projects: PlannedProject[]
  /** Projects of the years the file covers that it does not list (left as they are). */
  missing: ExistingProject[]
  issues: ImportIssueView[]
  counts: CountSet
}

interface VillageRow {
  id: number
  township: string
  name: string
}

/** The ledger's village for a 实施地点 text: the exact name, else the one village named inside the text ('红旗村三组'). */
export function findVillage(villages: readonly VillageRow[], text: string, township: Value | undefined): VillageRow | null {
  const exact = villages.filter((v) => v.name === text || `${v.township}${v.name}` === text)
  if (exact.length) return exact.find((v) => v.township === township) ?? exact[0]!
  const inside = villages.filter((v) => v.name.length >= 2 && text.includes(v.name)).sort((a, b) => b.name.length - a.name.length)
  if (inside.length === 1 || (inside.length > 1 && inside[0]!.name.length > inside[1]!.name.length)) return inside[0]!
  return null
}

const same = (a: Value | undefined, b: Value | undefined) => String(a ?? '') === String(b ?? '')

export function extraJson(extra: Record<string, string>): string | null {
  return Object.keys(extra).length ? JSON.stringify(extra) : null
}

/** The file's columns replace the stored values under the same header (a blank cell clears it); other files' columns are kept. */
function mergeExtra(stored: Value, fromFile: Record<string, string>, fileKeys: readonly string[]): string | null {
  const merged = stored ? (JSON.parse(String(stored)) as Record<string, string>) : {}
  for (const k of fileKeys) {
    if (k in fromFile) merged[k] = fromFile[k]!
    else delete merged[k]
  }
  return extraJson(merged)
}

export function planProjectImport(ledger: Ledger, list: ParsedProjectList): ProjectPlan {
  const db = ledger.sqlite
  const villages = db.prepare('SELECT id, township, name FROM villages ORDER BY id').all() as VillageRow[]
  const existing = db.prepare('SELECT * FROM projects ORDER BY id').all() as ExistingProject[]
  const budgets = new Map<number, Map<string, number>>()
  for (const b of db.prepare('SELECT project_id, source, sum(amount_fen) AS fen FROM project_budget_lines GROUP BY project_id, source').all() as {
    project_id: number
    source: string
    fen: number
  }[]) {
    const m = budgets.get(b.project_id) ?? new Map<string, number>()
    m.set(b.source, b.fen)
    budgets.set(b.project_id, m)
  }
  const indicators = new Map<number, { id: number; indicator: string }>()
  for (const i of db
    .prepare('SELECT id, project_id, indicator FROM project_indicators WHERE level1 = ? AND level2 = ? ORDER BY id DESC')
    .all(IMPORTED_INDICATOR.level1, IMPORTED_INDICATOR.level2) as { id: number; project_id: number; indicator: string }[]) {
    indicators.set(i.project_id, { id: i.id, indicator: i.indicator })
  }

  const key = (name: Value | undefined, year: Value | undefined, villageId: Value | undefined, location: Value | undefined) =>
    [String(name ?? ''), list.hasYear ? String(year ?? '') : '', list.hasVillage ? (villageId ? `v${String(villageId)}` : `t${String(location ?? '')}`) : ''].join('\u0000')
  const byNo = new Map<string, ExistingProject>()
  const byKey = new Map<string, ExistingProject[]>()
  for (const p of existing) {
    if (p.project_no) byNo.set(p.project_no, p)
    const k = key(p.name, p.year, p.village_id, p.location)
    byKey.set(k, [...(byKey.get(k) ?? []), p])
  }

  const issues: ImportIssueView[] = [...list.issues]
  const villageColumn = list.columns.find((c) => c.field === 'village')
  const fileKeys = list.columns.map((c) => c.extraKey ?? c.header)
  const used = new Set<number>()
  const seenKeys = new Map<string, number>()
  const planned: PlannedProject[] = []

  for (const parsed of list.projects) {
    const v = parsed.values
    let villageId: number | null = null
    if (list.hasVillage && typeof v.location === 'string') {
      villageId = findVillage(villages, v.location, v.township)?.id ?? null
      if (villageId === null) {
        issues.push({
          sheet: list.sheet,
          row: parsed.excelRow,
          column: villageColumn!.header,
          severity: 'warning',
          code: 'unknown_village',
          message: `第${parsed.excelRow}行的实施地点「${v.location}」在台账的行政村中找不到，已按文字保存，未关联到行政村。如是本乡镇的村，请核对村名。`,
        })
      }
    }
    const k = key(v.name, v.year, villageId, v.location)
    if (typeof v.project_no !== 'string') {
      const earlier = seenKeys.get(k)
      if (earlier !== undefined) {
        issues.push({
          sheet: list.sheet,
          row: parsed.excelRow,
          column: list.columns.find((c) => c.field === 'name')!.header,
          severity: 'error',
          code: 'duplicate_project',
          message: `第${parsed.excelRow}行的项目「${String(v.name)}」与第${earlier}行的名称、年度和实施地点都相同，又都没有项目编号，无法区分。请填写项目编号，或删除重复的一行。`,
        })
      } else seenKeys.set(k, parsed.excelRow)
    }

    let match: ExistingProject | undefined
    if (typeof v.project_no === 'string') match = byNo.get(v.project_no)
    match ??= byKey.get(k)?.find((p) => !used.has(p.id) && (p.project_no === null || p.project_no === v.project_no))
    if (match && used.has(match.id)) match = undefined
    if (match) used.add(match.id)

    const budgetNow = match ? (budgets.get(match.id) ?? new Map<string, number>()) : new Map<string, number>()
    const budget: BudgetChange[] = []
    for (const source of list.fundSources) {
      const before = budgetNow.get(source) ?? 0
      const after = parsed.budget[source] ?? 0
      if (before !== after) budget.push({ source, before, after })
    }
    const current = match ? indicators.get(match.id) : undefined
    const indicator =
      parsed.performance !== null && current?.indicator !== parsed.performance
        ? { id: current?.id ?? null, before: current?.indicator ?? null, after: parsed.performance }
        : null

    const changes: Record<string, Value> = {}
    if (!match) {
      for (const [c, value] of Object.entries(v)) if (value !== null) changes[c] = value
      if (list.hasVillage && villageId !== null) changes.village_id = villageId
      const extra = extraJson(parsed.extra)
      if (extra) changes.extra = extra
    } else {
      for (const c of list.fields) if (!same(match[c], v[c])) changes[c] = v[c] ?? null
      if (list.hasVillage && !same(match.village_id, villageId)) changes.village_id = villageId
      const extra = mergeExtra(match.extra, parsed.extra, fileKeys)
      if (!same(match.extra, extra)) changes.extra = extra
    }
    planned.push({ parsed, existingId: match?.id ?? null, villageId, changes, budget, indicator })
  }

  const years = new Set(list.projects.map((p) => p.values.year).filter((y) => y !== null && y !== undefined).map(String))
  const missing = existing.filter((p) => !used.has(p.id) && (!list.hasYear || (p.year !== null && years.has(p.year))))
  const counts: CountSet = { new: 0, changed: 0, unchanged: 0, missing: missing.length }
  for (const p of planned) {
    if (p.existingId === null) counts.new++
    else if (isChanged(p)) counts.changed++
    else counts.unchanged++
  }
  issues.sort((a, b) => a.row - b.row)
  return { projects: planned, missing, issues, counts }
}

export const isChanged = (p: PlannedProject) => Object.keys(p.changes).length > 0 || p.budget.length > 0 || p.indicator !== null

const COLUMN_LABELS: Record<string, string> = {
  ...Object.fromEntries(PROJECT_FIELDS.filter((f) => f.column).map((f) => [f.column!, f.label])),
  location: '实施地点',
  village_id: '行政村',
  extra: '其他列',
}

/** What the clerk reads in the preview for one planned project. */
/** A planned project for the preview; `unit` is the file's own unit, in which its total is shown. */
export function describeProject(ledger: Ledger, p: PlannedProject, unit: 'wan' | 'yuan' | null): ProjectChangeView {
  const v = p.parsed.values
  const villageName = ledger.sqlite.prepare('SELECT name FROM villages WHERE id = ?').pluck()
  const show = (field: string, value: Value | undefined): string | null => {
    if (value === null || value === undefined) return null
    if (field === 'village_id') return String(villageName.get(value) ?? value)
    return String(value)
  }
  const diffs: FieldDiff[] = []
  if (p.existingId !== null) {
    const before = ledger.sqlite.prepare('SELECT * FROM projects WHERE id = ?').get(p.existingId) as Record<string, Value>
    for (const [field, after] of Object.entries(p.changes)) {
      diffs.push({ field, label: COLUMN_LABELS[field] ?? field, before: show(field, before[field]), after: show(field, after) })
    }
    for (const b of p.budget) {
      diffs.push({ field: `fund:${b.source}`, label: `资金：${b.source}（万元）`, before: b.before ? fenToWanText(b.before) : null, after: b.after ? fenToWanText(b.after) : null })
    }
    if (p.indicator) diffs.push({ field: 'performance', label: '绩效目标', before: p.indicator.before, after: p.indicator.after })
  }
  return {
    row: p.parsed.excelRow,
    projectNo: typeof v.project_no === 'string' ? v.project_no : null,
    name: String(v.name),
    year: typeof v.year === 'string' ? v.year : null,
    village: p.villageId !== null ? show('village_id', p.villageId) : typeof v.location === 'string' ? v.location : null,
    diffs,
    totalText: unit === null ? null : amountText(Object.values(p.parsed.budget).reduce<number>((n, fen) => n + (fen ?? 0), 0), unit),
  }
}

export function missingViews(plan: ProjectPlan): MissingProjectView[] {
  return plan.missing.map((p) => ({ id: p.id, projectNo: p.project_no, name: p.name, year: p.year }))
}
