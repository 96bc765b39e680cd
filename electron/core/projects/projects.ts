/**
 * The project ledger: projects and their budget lines, disbursements,
 * indicators, milestones, progress, beneficiaries and assets. Every write goes
 * through the audited write path; the lifecycle rules of shared/domain/projects
 * are checked here before anything is written.
 */
import type { z } from 'zod'
import { LedgerError } from '../../../shared/api/result'
import type { AssetListInput, ProjectFieldsInput, ProjectListInput, ProjectRecordInput, ProjectRecordKind } from '../../../shared/api/projects'
import { yuanTextToFen } from '../../../shared/domain/assistance'
import {
  fundTotals,
  isLagging,
  milestoneRefusal,
  projectStatus,
  sourceOverruns,
  sumTotals,
  type AssetView,
  type BeneficiaryCounts,
  type BeneficiaryView,
  type FundTotals,
  type MilestoneFact,
  type ProjectDetail,
  type ProjectFields,
  type ProjectListResult,
  FUND_SOURCES,
  orderSources,
} from '../../../shared/domain/projects'
import { formatYuan } from '../../../shared/domain/money'
import type { Ledger } from '../db/open'
import type { WritableTable } from '../db/schema'

type Row = Record<string, string | number | null>
type Value = string | number | null
const s = (v: Value | undefined): string | null => (v === null || v === undefined ? null : String(v))
const n = (v: Value | undefined): number | null => (v === null || v === undefined ? null : Number(v))
const fen = (yuan: string | null | undefined): number | null => (yuan ? yuanTextToFen(yuan) : null)

/** Project field (as the API names it) → column. */
const FIELD_COLUMNS: Record<Exclude<keyof ProjectFields, 'settlementFen'>, string> = {
  projectNo: 'project_no',
  projectName: 'name',
  category: 'category',
  subtype: 'subtype',
  nature: 'nature',
  year: 'year',
  township: 'township',
  villageId: 'village_id',
  location: 'location',
  content: 'content',
  plannedStart: 'planned_start',
  plannedEnd: 'planned_end',
  implementer: 'implementer',
  contractor: 'contractor',
  supervisor: 'supervisor',
  responsibleUnit: 'responsible_unit',
  responsiblePerson: 'responsible_person',
  responsiblePhone: 'responsible_phone',
  assistingUnit: 'assisting_unit',
  farmerLink: 'farmer_link',
  declaredHouseholds: 'declared_households',
  declaredPersons: 'declared_persons',
  declaredPoorHouseholds: 'declared_poor_households',
  declaredPoorPersons: 'declared_poor_persons',
  acceptanceOpinion: 'acceptance_opinion',
  acceptanceChecks: 'acceptance_checks',
  rectification: 'rectification',
  handoverNote: 'handover_note',
}

export const RECORD_TABLES: Record<ProjectRecordKind, WritableTable> = {
  budget: 'project_budget_lines',
  disbursement: 'project_disbursements',
  indicator: 'project_indicators',
  milestone: 'project_milestones',
  progress: 'project_progress',
  asset: 'project_assets',
}

export type ParsedFields = z.output<typeof ProjectFieldsInput>
export type ParsedRecord = z.output<typeof ProjectRecordInput>

/** Columns of a project row from the parsed fields; partial input touches only the fields given. */
export function projectColumns(fields: Partial<ParsedFields>): Record<string, Value> {
  const out: Record<string, Value> = {}
  for (const [key, col] of Object.entries(FIELD_COLUMNS)) {
    if (key in fields) out[col] = (fields as Record<string, Value>)[key] ?? null
  }
  if ('settlement' in fields) out.settlement_fen = fen(fields.settlement)
  return out
}

function checkPlannedPeriod(start: string | null, end: string | null): void {
  if (start && end && end < start) throw new LedgerError('invalid_input', `计划完工日期 ${end} 早于计划开工日期 ${start}，请核对。`, 'plannedEnd')
}

function checkVillage(ledger: Ledger, villageId: number | null): void {
  if (villageId !== null && !ledger.sqlite.prepare('SELECT 1 FROM villages WHERE id = ?').get(villageId)) {
    throw new LedgerError('not_found', `找不到编号为 ${villageId} 的行政村，请重新选择实施地点。`, 'villageId')
  }
}

function checkProjectNo(ledger: Ledger, projectNo: string | null, exceptId?: number): void {
  if (!projectNo) return
  const other = ledger.sqlite.prepare('SELECT id, name FROM projects WHERE project_no = ? AND id IS NOT ?').get(projectNo, exceptId ?? null) as Row | undefined
  if (other) throw new LedgerError('duplicate', `项目编号「${projectNo}」已被项目「${other.name}」使用，请核对编号。`, 'projectNo')
}

export function createProject(ledger: Ledger, actor: string, fields: ParsedFields): number {
  checkVillage(ledger, fields.villageId)
  checkPlannedPeriod(fields.plannedStart, fields.plannedEnd)
  checkProjectNo(ledger, fields.projectNo)
  return ledger.write.run({ actor }, (w) => w.insert('projects', projectColumns(fields)))
}

export function updateProject(ledger: Ledger, actor: string, id: number, fields: Partial<ParsedFields>): string[] {
  const current = projectRow(ledger, id)
  if ('villageId' in fields) checkVillage(ledger, fields.villageId ?? null)
  checkPlannedPeriod(
    'plannedStart' in fields ? (fields.plannedStart ?? null) : s(current.planned_start),
    'plannedEnd' in fields ? (fields.plannedEnd ?? null) : s(current.planned_end),
  )
  if ('projectNo' in fields) checkProjectNo(ledger, fields.projectNo ?? null, id)
  return ledger.write.run({ actor }, (w) => w.update('projects', id, projectColumns(fields)))
}

export function deleteProject(ledger: Ledger, actor: string, id: number): void {
  projectRow(ledger, id)
  ledger.write.run({ actor }, (w) => {
    // Children first, so each deletion is in the audit trail (cascade would hide them).
    for (const table of [...Object.values(RECORD_TABLES), 'project_beneficiaries' as const]) {
      w.deleteWhere(table, 'project_id = ?', [id])
    }
    w.delete('projects', id)
  })
}

function projectRow(ledger: Ledger, id: number): Row {
  const row = ledger.sqlite.prepare('SELECT * FROM projects WHERE id = ?').get(id) as Row | undefined
  if (!row) throw new LedgerError('not_found', `找不到编号为 ${id} 的项目，可能已被删除。请返回项目列表刷新。`)
  return row
}

function milestoneFacts(ledger: Ledger, projectId: number, exceptId?: number): MilestoneFact[] {
  return (
    ledger.sqlite
      .prepare('SELECT kind, milestone_date AS date, result FROM project_milestones WHERE project_id = ? AND id IS NOT ?')
      .all(projectId, exceptId ?? null) as { kind: string; date: string; result: string | null }[]
  ).map((m) => ({ kind: m.kind, date: m.date, result: m.result }))
}

/** The columns of a record row, after its rules are checked. */
function recordColumns(ledger: Ledger, projectId: number, record: ParsedRecord, exceptId?: number): Record<string, Value> {
  switch (record.kind) {
    case 'budget':
      if (record.source === '帮扶单位资金' && !record.unitName) {
        throw new LedgerError('invalid_input', '资金来源为「帮扶单位资金」时，请填写出资的帮扶单位名称。', 'unitName')
      }
      return { source: record.source, unit_name: record.unitName, amount_fen: fen(record.amount), note: record.note }
    case 'disbursement':
      return {
        paid_date: record.date,
        amount_fen: fen(record.amount),
        source: record.source,
        batch: record.batch,
        doc_no: record.docNo,
        payee: record.payee,
      }
    case 'indicator':
      return {
        level1: record.level1,
        level2: record.level2,
        indicator: record.indicator,
        target: record.target,
        unit: record.unit,
        actual: record.actual,
      }
    case 'milestone': {
      const fact = { kind: record.milestone, date: record.date, result: record.milestone === '验收' ? record.result : null }
      const refusal = milestoneRefusal(milestoneFacts(ledger, projectId, exceptId), fact)
      if (refusal) throw new LedgerError('rule', refusal, 'milestone')
      if (record.milestone === '验收' && record.result === '不合格' && !record.note) {
        throw new LedgerError('invalid_input', '验收不合格时，请在「说明」中写明整改要求。', 'note')
      }
      return {
        kind: record.milestone,
        milestone_date: record.date,
        result: fact.result,
        winner: record.milestone === '招标' ? record.winner : null,
        note: record.note,
      }
    }
    case 'progress':
      return { report_date: record.date, percent: record.percent, invested_fen: fen(record.invested), lag_reason: record.lagReason }
    case 'asset':
      if (record.householdId !== null && !ledger.sqlite.prepare('SELECT 1 FROM households WHERE id = ?').get(record.householdId)) {
        throw new LedgerError('not_found', `找不到编号为 ${record.householdId} 的户，请重新选择受益户。`, 'householdId')
      }
      if (record.category === '到户类' && record.householdId === null) {
        throw new LedgerError('invalid_input', '到户类资产请选择所属的户。', 'householdId')
      }
      return {
        asset_no: record.assetNo,
        name: record.assetName,
        category: record.category,
        quantity: record.quantity,
        unit: record.unit,
        original_value_fen: fen(record.originalValue),
        built_date: record.builtDate,
        location: record.location,
        owner: record.owner,
        operator: record.operator,
        custodian: record.custodian,
        custodian_person: record.custodianPerson,
        income_distribution: record.incomeDistribution,
        household_id: record.householdId,
        note: record.note,
      }
  }
}

export function addRecord(ledger: Ledger, actor: string, projectId: number, record: ParsedRecord): number {
  projectRow(ledger, projectId)
  const values = recordColumns(ledger, projectId, record)
  return ledger.write.run({ actor }, (w) => w.insert(RECORD_TABLES[record.kind], { project_id: projectId, ...values }))
}

function recordProject(ledger: Ledger, kind: ProjectRecordKind, id: number): number {
  const projectId = ledger.sqlite.prepare(`SELECT project_id FROM ${RECORD_TABLES[kind]} WHERE id = ?`).pluck().get(id) as number | undefined
  if (projectId === undefined) throw new LedgerError('not_found', `找不到这条记录（编号 ${id}），可能已被删除。请刷新项目页面。`)
  return projectId
}

export function updateRecord(ledger: Ledger, actor: string, id: number, record: ParsedRecord): string[] {
  const projectId = recordProject(ledger, record.kind, id)
  const values = recordColumns(ledger, projectId, record, id)
  return ledger.write.run({ actor }, (w) => w.update(RECORD_TABLES[record.kind], id, values))
}

export function deleteRecord(ledger: Ledger, actor: string, kind: ProjectRecordKind, id: number): void {
  const projectId = recordProject(ledger, kind, id)
  if (kind === 'milestone') {
    // Taking back a passed acceptance under a recorded handover would leave the handover without its basis.
    const m = ledger.sqlite.prepare('SELECT kind, result FROM project_milestones WHERE id = ?').get(id) as Row
    const rest = milestoneFacts(ledger, projectId, id)
    if (m.kind === '验收' && m.result === '合格' && rest.some((r) => r.kind === '资产移交') && !rest.some((r) => r.kind === '验收' && r.result === '合格')) {
      throw new LedgerError('rule', '已登记资产移交，不能删除唯一的合格验收。请先删除资产移交记录。')
    }
    if (m.kind === '竣工' && rest.some((r) => r.kind === '验收') && !rest.some((r) => r.kind === '竣工')) {
      throw new LedgerError('rule', '已登记验收，不能删除竣工记录。请先删除验收记录。')
    }
  }
  ledger.write.run({ actor }, (w) => w.delete(RECORD_TABLES[kind], id))
}

// ---- Beneficiaries ----

export interface BeneficiaryAddResult {
  added: number
  already: number
  /** ID numbers / 户编号 given that match no household. */
  notFound: string[]
}

/** Links households by id, or by a member's ID number or the 户编号 (as pasted or imported). */
export function addBeneficiaries(ledger: Ledger, actor: string, projectId: number, input: { householdIds?: number[]; keys?: string[] }): BeneficiaryAddResult {
  projectRow(ledger, projectId)
  const db = ledger.sqlite
  const ids = new Set<number>()
  for (const id of input.householdIds ?? []) {
    if (!db.prepare('SELECT 1 FROM households WHERE id = ?').get(id)) throw new LedgerError('not_found', `找不到编号为 ${id} 的户，请刷新后重选。`)
    ids.add(id)
  }
  const notFound: string[] = []
  const byIdNumber = db.prepare('SELECT household_id FROM members WHERE id_number = ? AND removed_reason IS NULL').pluck()
  const byNo = db.prepare('SELECT id FROM households WHERE household_no = ?').pluck()
  for (const raw of input.keys ?? []) {
    const key = raw.trim().toUpperCase()
    if (!key) continue
    const hit = (byIdNumber.get(key) ?? byNo.get(key)) as number | undefined
    if (hit === undefined) notFound.push(key)
    else ids.add(hit)
  }
  const existing = new Set(db.prepare('SELECT household_id FROM project_beneficiaries WHERE project_id = ?').pluck().all(projectId) as number[])
  const fresh = [...ids].filter((id) => !existing.has(id))
  if (fresh.length > 0) {
    ledger.write.run({ actor }, (w) => {
      for (const householdId of fresh) w.insert('project_beneficiaries', { project_id: projectId, household_id: householdId })
    })
  }
  return { added: fresh.length, already: ids.size - fresh.length, notFound }
}

export function removeBeneficiary(ledger: Ledger, actor: string, beneficiaryId: number): void {
  if (!ledger.sqlite.prepare('SELECT 1 FROM project_beneficiaries WHERE id = ?').get(beneficiaryId)) {
    throw new LedgerError('not_found', '这户已不在受益名单中，请刷新项目页面。')
  }
  ledger.write.run({ actor }, (w) => w.delete('project_beneficiaries', beneficiaryId))
}

const HEAD_SQL = `(SELECT m.name FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL ORDER BY m.sort_order LIMIT 1)`
const HEAD_ID_SQL = `(SELECT m.id_number FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL ORDER BY m.sort_order LIMIT 1)`
const PERSONS_SQL = `(SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.removed_reason IS NULL)`
/** 监测户: by 户类型, or a 监测对象类别 on record. */
const MONITORED_SQL = `(h.household_type = '监测户' OR h.monitoring_category IS NOT NULL)`

export function beneficiaries(ledger: Ledger, projectId: number): (BeneficiaryView & { householdType: string | null })[] {
  const rows = ledger.sqlite
    .prepare(
      `SELECT b.id, h.id AS household_id, h.household_no, ${HEAD_SQL} AS head_name, ${HEAD_ID_SQL} AS head_id, v.name AS village,
              ${PERSONS_SQL} AS persons, h.exit_status, h.household_type, ${MONITORED_SQL} AS monitored
       FROM project_beneficiaries b JOIN households h ON h.id = b.household_id JOIN villages v ON v.id = h.village_id
       WHERE b.project_id = ? ORDER BY v.name, h.household_no, h.id`,
    )
    .all(projectId) as Row[]
  return rows.map((r) => ({
    id: Number(r.id),
    householdId: Number(r.household_id),
    householdNo: s(r.household_no),
    headName: s(r.head_name),
    headIdNumber: s(r.head_id),
    village: String(r.village),
    persons: Number(r.persons),
    exitStatus: s(r.exit_status),
    monitored: Number(r.monitored) === 1,
    householdType: s(r.household_type),
  }))
}

/** 脱贫户: a household of the filed-card roster that has left poverty or is still on it (not a 监测户 or 一般农户). */
function isPoorHousehold(b: { householdType?: string | null; exitStatus: string | null; monitored: boolean }): boolean {
  if (b.householdType) return b.householdType === '脱贫户'
  return b.exitStatus !== null && !b.monitored
}

export function beneficiaryCounts(list: ReturnType<typeof beneficiaries>, declared: Row): BeneficiaryCounts {
  if (list.length === 0) {
    return {
      households: n(declared.declared_households) ?? 0,
      persons: n(declared.declared_persons) ?? 0,
      poorHouseholds: n(declared.declared_poor_households) ?? 0,
      poorPersons: n(declared.declared_poor_persons) ?? 0,
      monitoredHouseholds: 0,
      monitoredPersons: 0,
    }
  }
  const poor = list.filter(isPoorHousehold)
  const monitored = list.filter((b) => b.monitored)
  const persons = (l: typeof list) => l.reduce((sum, b) => sum + b.persons, 0)
  return {
    households: list.length,
    persons: persons(list),
    poorHouseholds: poor.length,
    poorPersons: persons(poor),
    monitoredHouseholds: monitored.length,
    monitoredPersons: persons(monitored),
  }
}

// ---- Reading ----

function projectFields(r: Row): ProjectFields {
  return {
    projectNo: s(r.project_no),
    projectName: String(r.name),
    category: s(r.category),
    subtype: s(r.subtype),
    nature: s(r.nature),
    year: s(r.year),
    township: s(r.township),
    villageId: n(r.village_id),
    location: s(r.location),
    content: s(r.content),
    plannedStart: s(r.planned_start),
    plannedEnd: s(r.planned_end),
    implementer: s(r.implementer),
    responsibleUnit: s(r.responsible_unit),
    responsiblePerson: s(r.responsible_person),
    responsiblePhone: s(r.responsible_phone),
    assistingUnit: s(r.assisting_unit),
    farmerLink: s(r.farmer_link),
    contractor: s(r.contractor),
    supervisor: s(r.supervisor),
    declaredHouseholds: n(r.declared_households),
    declaredPersons: n(r.declared_persons),
    declaredPoorHouseholds: n(r.declared_poor_households),
    declaredPoorPersons: n(r.declared_poor_persons),
    settlementFen: n(r.settlement_fen),
    acceptanceOpinion: s(r.acceptance_opinion),
    acceptanceChecks: s(r.acceptance_checks),
    rectification: s(r.rectification),
    handoverNote: s(r.handover_note),
  }
}

const localToday = (): string => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

export function getProject(ledger: Ledger, id: number, today = localToday()): ProjectDetail {
  const db = ledger.sqlite
  const r = projectRow(ledger, id)
  const all = (sql: string) => db.prepare(sql).all(id) as Row[]
  const budget = all('SELECT * FROM project_budget_lines WHERE project_id = ? ORDER BY id').map((b) => ({
    id: Number(b.id),
    source: String(b.source),
    unitName: s(b.unit_name),
    amountFen: Number(b.amount_fen),
    note: s(b.note),
  }))
  const disbursements = all('SELECT * FROM project_disbursements WHERE project_id = ? ORDER BY paid_date, id').map((d) => ({
    id: Number(d.id),
    date: String(d.paid_date),
    amountFen: Number(d.amount_fen),
    source: s(d.source),
    batch: s(d.batch),
    docNo: s(d.doc_no),
    payee: s(d.payee),
  }))
  const milestones = all('SELECT * FROM project_milestones WHERE project_id = ? ORDER BY milestone_date, id').map((m) => ({
    id: Number(m.id),
    kind: String(m.kind),
    date: String(m.milestone_date),
    result: s(m.result),
    winner: s(m.winner),
    note: s(m.note),
  }))
  const status = projectStatus(milestones)
  const lagging = isLagging(s(r.planned_end), status, today)
  const totals = fundTotals(budget, disbursements)
  const list = beneficiaries(ledger, id)
  const indicators = all('SELECT * FROM project_indicators WHERE project_id = ? ORDER BY id').map((i) => ({
    id: Number(i.id),
    level1: String(i.level1),
    level2: s(i.level2),
    indicator: String(i.indicator),
    target: s(i.target),
    unit: s(i.unit),
    actual: s(i.actual),
  }))
  const warnings: string[] = []
  if (totals.overDisbursed) warnings.push('已拨付金额超过项目预算，请核对拨付记录和资金来源。')
  const overruns = sourceOverruns(budget, disbursements)
  for (const o of overruns) {
    warnings.push(`「${o.source}」已拨付 ${formatYuan(o.disbursedFen)}，超过该来源预算 ${formatYuan(o.budgetFen)}，请核对拨付记录的资金来源。`)
  }
  if (indicators.length === 0) warnings.push('尚未填写绩效目标：没有绩效目标的项目不能入库。')
  if (lagging) warnings.push(`已过计划完工日期 ${String(r.planned_end)} 仍未竣工（滞后），请登记进度和滞后原因。`)
  return {
    id,
    ...projectFields(r),
    village: s(db.prepare('SELECT name FROM villages WHERE id = ?').pluck().get(r.village_id) as Value | undefined),
    status,
    lagging,
    totals,
    budget,
    disbursements,
    indicators,
    milestones,
    progress: all('SELECT * FROM project_progress WHERE project_id = ? ORDER BY report_date, id').map((p) => ({
      id: Number(p.id),
      date: String(p.report_date),
      percent: Number(p.percent),
      investedFen: n(p.invested_fen),
      lagReason: s(p.lag_reason),
    })),
    beneficiaries: list.map(({ householdType: _t, ...b }) => b),
    beneficiaryCounts: beneficiaryCounts(list, r),
    assets: listAssets(ledger, { projectId: id }),
    sourceOverruns: overruns,
    warnings,
  }
}

interface Summary {
  id: number
  row: Row
  status: ReturnType<typeof projectStatus>
  lagging: boolean
  totals: FundTotals
  sources: Set<string>
}

/** Every project with what is derived from its records; a township has hundreds, not millions. */
function summaries(ledger: Ledger, today: string): Summary[] {
  const db = ledger.sqlite
  const rows = db.prepare('SELECT p.*, v.name AS village FROM projects p LEFT JOIN villages v ON v.id = p.village_id ORDER BY p.year DESC, p.id').all() as Row[]
  const group = <T>(sql: string, map: (r: Row) => T) => {
    const out = new Map<number, T[]>()
    for (const r of db.prepare(sql).all() as Row[]) {
      const pid = Number(r.project_id)
      out.set(pid, [...(out.get(pid) ?? []), map(r)])
    }
    return out
  }
  const budget = group('SELECT project_id, source, amount_fen FROM project_budget_lines', (r) => ({ source: String(r.source), amountFen: Number(r.amount_fen) }))
  const paid = group('SELECT project_id, amount_fen FROM project_disbursements', (r) => ({ amountFen: Number(r.amount_fen) }))
  const miles = group('SELECT project_id, kind, milestone_date, result FROM project_milestones', (r) => ({
    kind: String(r.kind),
    date: String(r.milestone_date),
    result: s(r.result),
  }))
  return rows.map((row) => {
    const id = Number(row.id)
    const status = projectStatus(miles.get(id) ?? [])
    const lines = budget.get(id) ?? []
    return {
      id,
      row,
      status,
      lagging: isLagging(s(row.planned_end), status, today),
      totals: fundTotals(lines, paid.get(id) ?? []),
      sources: new Set(lines.filter((l) => l.amountFen > 0).map((l) => l.source)),
    }
  })
}

export function listProjects(ledger: Ledger, input: z.output<typeof ProjectListInput>): ProjectListResult {
  const all = summaries(ledger, input.today ?? localToday())
  const q = input.search?.trim()
  const matching = all.filter(({ row, status, lagging, sources }) => {
    if (q && !`${s(row.name) ?? ''} ${s(row.project_no) ?? ''} ${s(row.implementer) ?? ''} ${s(row.village) ?? ''}`.includes(q)) return false
    if (input.year && row.year !== input.year) return false
    if (input.category && row.category !== input.category) return false
    if (input.villageId !== undefined && Number(row.village_id) !== input.villageId) return false
    if (input.status && status !== input.status) return false
    if (input.source && !sources.has(input.source)) return false
    if (input.lagging !== undefined && lagging !== input.lagging) return false
    return true
  })
  const start = (input.page - 1) * input.pageSize
  return {
    items: matching.slice(start, start + input.pageSize).map(({ id, row, status, lagging, totals }) => ({
      id,
      projectNo: s(row.project_no),
      name: String(row.name),
      category: s(row.category),
      year: s(row.year),
      village: s(row.village),
      implementer: s(row.implementer),
      plannedEnd: s(row.planned_end),
      status,
      lagging,
      totals,
    })),
    total: matching.length,
    totals: sumTotals(matching.map((m) => m.totals)),
    years: [...new Set(all.map((m) => s(m.row.year)).filter((y): y is string => y !== null))].sort().reverse(),
  }
}

// ---- Assets ----

export function listAssets(ledger: Ledger, filter: z.output<typeof AssetListInput>): AssetView[] {
  const where: string[] = []
  const params: Value[] = []
  const add = (cond: string, v: Value) => {
    where.push(cond)
    params.push(v)
  }
  if (filter.projectId !== undefined) add('a.project_id = ?', filter.projectId)
  if (filter.villageId !== undefined) add('p.village_id = ?', filter.villageId)
  if (filter.category) add('a.category = ?', filter.category)
  if (filter.year) add('p.year = ?', filter.year)
  const rows = ledger.sqlite
    .prepare(
      `SELECT a.*, p.name AS project_name, v.name AS village,
              (SELECT coalesce(h.household_no, '') || ' ' || coalesce(${HEAD_SQL}, '') FROM households h WHERE h.id = a.household_id) AS household_label
       FROM project_assets a JOIN projects p ON p.id = a.project_id LEFT JOIN villages v ON v.id = p.village_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY v.name, p.year, a.id`,
    )
    .all(...params) as Row[]
  return rows.map((a) => ({
    id: Number(a.id),
    projectId: Number(a.project_id),
    projectName: String(a.project_name),
    assetNo: s(a.asset_no),
    name: String(a.name),
    category: String(a.category),
    quantity: s(a.quantity),
    unit: s(a.unit),
    originalValueFen: n(a.original_value_fen),
    builtDate: s(a.built_date),
    location: s(a.location),
    owner: s(a.owner),
    operator: s(a.operator),
    custodian: s(a.custodian),
    custodianPerson: s(a.custodian_person),
    incomeDistribution: s(a.income_distribution),
    householdId: n(a.household_id),
    householdLabel: s(a.household_label)?.trim() || null,
    note: s(a.note),
    village: s(a.village),
  }))
}

/** 资金来源 in use: the standard ones and every other a budget line or disbursement names. */
export function knownSources(ledger: Ledger): string[] {
  const named = ledger.sqlite
    .prepare('SELECT source FROM project_budget_lines UNION SELECT source FROM project_disbursements WHERE source IS NOT NULL')
    .pluck()
    .all() as string[]
  return orderSources([...FUND_SOURCES, ...named])
}
