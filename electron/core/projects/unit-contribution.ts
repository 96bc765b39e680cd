/**
 * What an assisting unit brought one village over a period — the three
 * blocks of the 帮扶单位交接表: fiscal funds it obtained (争取的财政资金),
 * village projects paid with its own funds (帮村项目) and aid to households
 * (帮户项目, from the household ledger's aid records).
 */
import type { z } from 'zod'
import { LedgerError } from '../../../shared/api/result'
import type { UnitContribution, UnitContributionInput } from '../../../shared/api/projects'
import { FISCAL_SOURCES } from '../../../shared/domain/projects'
import type { Ledger } from '../db/open'

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

  const fiscal = FISCAL_SOURCES.map(() => '?').join(', ')
  const obtained = (
    db
      .prepare(
        `SELECT p.id, p.name, p.year, group_concat(DISTINCT b.source) AS sources, sum(b.amount_fen) AS amount
         FROM projects p JOIN project_budget_lines b ON b.project_id = p.id
         WHERE trim(p.assisting_unit) = ? AND p.village_id = ? AND b.source IN (${fiscal})${inPeriod}
         GROUP BY p.id ORDER BY p.year, p.id`,
      )
      .all(unit, input.villageId, ...FISCAL_SOURCES, ...periodParams) as Row[]
  ).map((r) => ({
    projectId: Number(r.id),
    projectName: String(r.name),
    year: (r.year as string | null) ?? null,
    sources: String(r.sources).split(',').join('、'),
    amountFen: Number(r.amount),
  }))

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
  }
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
