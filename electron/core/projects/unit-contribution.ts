/**
 * What an assisting unit brought one village over a period — the three
 * blocks of the 帮扶单位交接表: funds it obtained for the village (争取的资金,
 * recorded as such, never a project's 中央/县级 allocations), village projects
 * paid with its own funds (帮村项目) and aid to households (帮户项目, from the
 * household ledger's aid records) — and the figures its closing statement is
 * built from: 结余, unfinished projects and the unit's unpaid pledges.
 */
import type { z } from 'zod'
import { LedgerError } from '../../../shared/api/result'
import type { ObtainedFundInput, ObtainedFundView, UnitContribution, UnitContributionInput } from '../../../shared/api/projects'
import { yuanTextToFen } from '../../../shared/domain/assistance'
import type { Ledger } from '../db/open'
import { getProject } from './projects'

type Row = Record<string, string | number | null>

/** A project counts for the period by its planned start, else its year. */
const PERIOD_SQL = `coalesce(p.planned_start, p.year || '-01-01')`

export function unitContribution(ledger: Ledger, input: z.output<typeof UnitContributionInput>): UnitContribution {
  const db = ledger.sqlite
  const village = db.prepare('SELECT name FROM villages WHERE id = ?').pluck().get(input.villageId) as string | undefined
  if (village === undefined) throw new LedgerError('not_found', `找不到编号为 ${input.villageId} 的行政村，请重新选择。`, 'villageId')
  const unit = input.unitName.trim()
  const period: string[] = []
  const periodParams: string[] = []
  if (input.from) {
    period.push(`${PERIOD_SQL} >= ?`)
    periodParams.push(input.from)
  }
  if (input.to) {
    period.push(`${PERIOD_SQL} <= ?`)
    periodParams.push(input.to)
  }
  const inPeriod = period.length ? ` AND ${period.join(' AND ')}` : ''

  // 争取的资金: what the unit recorded as obtained for the village, dated within the period.
  const obtainedPeriod = [input.from ? ' AND f.obtained_date >= ?' : '', input.to ? ' AND f.obtained_date <= ?' : ''].join('')
  const obtained = listObtained(ledger, `trim(f.unit_name) = ? AND f.village_id = ?${obtainedPeriod}`, [unit, input.villageId, ...periodParams])

  const villageProjects = (
    db
      .prepare(
        `SELECT p.id, p.name, p.year, sum(b.amount_fen) AS amount
         FROM projects p JOIN project_budget_lines b ON b.project_id = p.id
         WHERE b.source = '帮扶单位资金' AND trim(b.unit_name) = ? AND p.village_id = ?${inPeriod}
         GROUP BY p.id ORDER BY p.year, p.id`,
      )
      .all(unit, input.villageId, ...periodParams) as Row[]
  ).map((r) => ({ projectId: Number(r.id), projectName: String(r.name), year: (r.year as string | null) ?? null, amountFen: Number(r.amount) }))

  const aidPeriod: string[] = []
  if (input.from) aidPeriod.push('a.aid_date >= ?')
  if (input.to) aidPeriod.push('a.aid_date <= ?')
  const householdAid = (
    db
      .prepare(
        `SELECT a.aid_date, a.description, count(DISTINCT a.household_id) AS households, coalesce(sum(a.amount_fen), 0) AS amount
         FROM aid a JOIN households h ON h.id = a.household_id
         WHERE trim(a.source) = ? AND h.village_id = ?${aidPeriod.map((c) => ` AND ${c}`).join('')}
         GROUP BY a.aid_date, a.description ORDER BY a.aid_date, a.description`,
      )
      .all(unit, input.villageId, ...periodParams) as Row[]
  ).map((r) => ({ date: String(r.aid_date), description: String(r.description), households: Number(r.households), amountFen: Number(r.amount) }))

  // The figures the closing statement is built from: the projects the unit helped in the village.
  const helped = (
    db
      .prepare(
        `SELECT p.id FROM projects p WHERE p.village_id = ?${inPeriod}
           AND (trim(p.assisting_unit) = ? OR EXISTS (SELECT 1 FROM project_budget_lines b WHERE b.project_id = p.id AND trim(b.unit_name) = ?))
         ORDER BY p.year, p.id`,
      )
      .pluck()
      .all(input.villageId, ...periodParams, unit, unit) as number[]
  ).map((id) => getProject(ledger, id))
  const balances = helped.filter((p) => p.totals.balanceFen > 0).map((p) => ({ projectId: p.id, projectName: p.projectName, balanceFen: p.totals.balanceFen }))
  const unfinished = helped.filter((p) => p.status !== '已验收' && p.status !== '已移交').map((p) => ({ projectId: p.id, projectName: p.projectName, status: p.status }))
  // A settled project's shortfall is its 结余, not an unpaid pledge: pledges count until the settlement.
  const unpaid = helped
    .filter((p) => p.settlementFen === null)
    .map((p) => {
      const lines = p.budget.filter((b) => b.source === UNIT_SOURCE)
      const pledgedFen = lines.filter((b) => b.unitName?.trim() === unit).reduce((n, b) => n + b.amountFen, 0)
      const allUnitsFen = lines.reduce((n, b) => n + b.amountFen, 0)
      // Payments from 帮扶单位资金, shared among the units that pledged it by their pledges.
      const paidAll = p.disbursements.filter((d) => d.source === UNIT_SOURCE).reduce((n, d) => n + d.amountFen, 0)
      const paidFen = allUnitsFen > 0 ? Math.min(pledgedFen, Math.floor((paidAll * pledgedFen) / allUnitsFen)) : 0
      return { projectId: p.id, projectName: p.projectName, pledgedFen, paidFen, unpaidFen: pledgedFen - paidFen }
    })
    .filter((u) => u.unpaidFen > 0)

  const sum = (list: { amountFen: number }[]) => list.reduce((acc, x) => acc + x.amountFen, 0)
  const obtainedFen = sum(obtained)
  const villageProjectsFen = sum(villageProjects)
  const householdAidFen = sum(householdAid)
  return {
    unitName: unit,
    villageId: input.villageId,
    village,
    from: input.from ?? null,
    to: input.to ?? null,
    obtained,
    villageProjects,
    householdAid,
    obtainedFen,
    villageProjectsFen,
    householdAidFen,
    raisedFen: villageProjectsFen + householdAidFen,
    totalFen: obtainedFen + villageProjectsFen + householdAidFen,
    balances,
    balanceFen: balances.reduce((n, b) => n + b.balanceFen, 0),
    unfinished,
    unpaid,
    unpaidFen: unpaid.reduce((n, u) => n + u.unpaidFen, 0),
  }
}

const UNIT_SOURCE = '帮扶单位资金'

function listObtained(ledger: Ledger, where: string, params: unknown[]): ObtainedFundView[] {
  return (
    ledger.sqlite
      .prepare(
        `SELECT f.*, p.name AS project_name FROM unit_obtained_funds f LEFT JOIN projects p ON p.id = f.project_id
         WHERE ${where} ORDER BY f.obtained_date, f.id`,
      )
      .all(...params) as Row[]
  ).map((r) => ({
    id: Number(r.id),
    unitName: String(r.unit_name),
    villageId: Number(r.village_id),
    date: String(r.obtained_date),
    amountFen: Number(r.amount_fen),
    grantor: String(r.grantor),
    purpose: String(r.purpose),
    projectId: r.project_id === null ? null : Number(r.project_id),
    projectName: (r.project_name as string | null) ?? null,
    note: (r.note as string | null) ?? null,
  }))
}

/** 争取的资金 of a unit for a village, every period. */
export function obtainedFunds(ledger: Ledger, unitName: string, villageId: number): ObtainedFundView[] {
  return listObtained(ledger, 'trim(f.unit_name) = ? AND f.village_id = ?', [unitName.trim(), villageId])
}

export function addObtainedFund(ledger: Ledger, actor: string, input: z.output<typeof ObtainedFundInput>): { id: number } {
  return ledger.write.run({ actor }, (w) => {
    const village = ledger.sqlite.prepare('SELECT id FROM villages WHERE id = ?').get(input.villageId)
    if (!village) throw new LedgerError('not_found', `找不到编号为 ${input.villageId} 的行政村，请重新选择。`, 'villageId')
    if (input.projectId !== null) {
      const project = ledger.sqlite.prepare('SELECT village_id FROM projects WHERE id = ?').get(input.projectId) as { village_id: number | null } | undefined
      if (!project) throw new LedgerError('not_found', '所选项目不存在，可能已被删除。请重新选择。', 'projectId')
    }
    const amountFen = yuanTextToFen(input.amount)
    if (amountFen === null || amountFen <= 0) throw new LedgerError('invalid_input', '「金额」应大于 0，单位为元，如 300000。', 'amount')
    const id = w.insert('unit_obtained_funds', {
      unit_name: input.unitName,
      village_id: input.villageId,
      obtained_date: input.date,
      amount_fen: amountFen,
      grantor: input.grantor,
      purpose: input.purpose,
      project_id: input.projectId,
      note: input.note || null,
    })
    return { id }
  })
}

export function deleteObtainedFund(ledger: Ledger, actor: string, id: number): { deleted: true } {
  return ledger.write.run({ actor }, (w) => {
    const found = ledger.sqlite.prepare('SELECT id FROM unit_obtained_funds WHERE id = ?').get(id)
    if (!found) throw new LedgerError('not_found', '要删除的争取资金记录不存在，可能已被删除。请刷新后重试。')
    w.delete('unit_obtained_funds', id)
    return { deleted: true as const }
  })
}

/** Units that appear in projects or aid: the choices for the handover form. */
export function contributingUnits(ledger: Ledger): string[] {
  return ledger.sqlite
    .prepare(
      `SELECT name FROM assisting_units
       UNION SELECT trim(assisting_unit) FROM projects WHERE assisting_unit IS NOT NULL AND trim(assisting_unit) <> ''
       UNION SELECT trim(unit_name) FROM project_budget_lines WHERE unit_name IS NOT NULL AND trim(unit_name) <> ''
       ORDER BY 1`,
    )
    .pluck()
    .all() as string[]
}
