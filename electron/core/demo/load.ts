/** Writes (or removes) the demo township through the audited write path, in one transaction. */
import type { DemoLoadResult } from '../../../shared/api/demo'
import type { Ledger } from '../db/open'
import type { JobContext } from '../jobs'
import { DEMO_COUNTY, DEMO_TOWNSHIP, generateDemoTownship } from './generate'
import { writeDemoMonitoring } from './monitoring'
import { writeDemoNational } from './national'
import { DEMO_CREDIT_HOUSEHOLDS, writeDemoCredit } from './credit'
import { DEMO_POSTS, writeDemoPosts } from './posts'
import { DEMO_PROBLEMS, writeDemoRectification } from './rectification'
import { DEMO_PROJECTS, DEMO_UNIT, DEMO_UNIT_AID, DEMO_UNIT_OBTAINED, DEMO_UNIT_VILLAGE } from './projects'

type Writer = Parameters<Parameters<Ledger['write']['run']>[1]>[0]

export function loadDemo(ledger: Ledger, households: number, ctx: Pick<JobContext, 'actor' | 'progress' | 'checkCancelled'>): DemoLoadResult {
  const villages = generateDemoTownship({ households })
  const total = villages.reduce((n, v) => n + v.households.length, 0)
  let done = 0
  let members = 0
  ctx.progress(0, total, '正在生成示例乡镇…')
  ledger.write.run({ actor: ctx.actor, batch: 'demo' }, (w) => {
    removeDemoRows(ledger, w)
    /** Household ids of each village, in the generator's order. */
    const villageHouseholds: { villageId: number; households: number[] }[] = []
    for (const v of villages) {
      const villageId = w.insert('villages', {
        county: DEMO_COUNTY,
        township: DEMO_TOWNSHIP,
        name: v.name,
        is_poor_village: v.isPoorVillage,
        is_demo: 1,
      })
      const groupIds = new Map(v.groups.map((g) => [g, w.insert('village_groups', { village_id: villageId, name: g })]))
      const ids: number[] = []
      villageHouseholds.push({ villageId, households: ids })
      for (const h of v.households) {
        const householdId = w.insert('households', { ...h.household, village_id: villageId, group_id: groupIds.get(h.groupName) ?? null })
        ids.push(householdId)
        for (const m of h.members) w.insert('members', { ...m, household_id: householdId })
        members += h.members.length
        done++
        if (done % 50 === 0) {
          ctx.checkCancelled()
          ctx.progress(done, total, `已写入 ${done} / ${total} 户`)
        }
      }
    }
    ctx.progress(total, total, '正在生成示例项目…')
    writeDemoProjects(w, villageHouseholds)
    writeDemoMonitoring(ledger, ctx.actor, villageHouseholds.flatMap((v) => v.households))
    writeDemoNational(ledger, w, villageHouseholds)
    const projectIds = ledger.sqlite.prepare('SELECT id FROM projects WHERE village_id IN (SELECT id FROM villages WHERE is_demo = 1) ORDER BY id').pluck().all() as number[]
    writeDemoRectification(ledger, ctx.actor, villageHouseholds, projectIds)
    writeDemoCredit(ledger, ctx.actor, villageHouseholds)
    writeDemoPosts(ledger, ctx.actor, villageHouseholds)
  })
  ctx.progress(total, total, '示例乡镇已载入')
  return { households: total, members }
}

const yuan = (v: number) => Math.round(v * 100)

/** The demo projects with their records, the beneficiaries and 到户类 assets taken from the villages' households. */
function writeDemoProjects(w: Writer, villages: { villageId: number; households: number[] }[]): void {
  const projectIds = new Map<string, number>()
  for (const p of DEMO_PROJECTS) {
    const village = villages[p.village]
    if (!village) continue
    const budgetFen = p.budget.reduce((n, [, v]) => n + yuan(v), 0)
    const projectId = w.insert('projects', {
      project_no: p.no,
      name: p.name,
      category: p.category,
      nature: p.nature,
      year: p.year,
      township: DEMO_TOWNSHIP,
      village_id: village.villageId,
      location: p.location,
      content: p.content,
      planned_start: p.plannedStart,
      planned_end: p.plannedEnd,
      implementer: p.implementer,
      responsible_unit: p.responsibleUnit,
      responsible_person: p.responsiblePerson,
      responsible_phone: p.responsiblePhone,
      assisting_unit: p.assistingUnit ?? null,
      farmer_link: p.farmerLink,
      // The 招标 winner builds it.
      contractor: p.milestones.find((m) => m.kind === '招标')?.winner ?? null,
      supervisor: p.supervisor ?? null,
      settlement_fen: p.settlementYuan === undefined ? null : yuan(p.settlementYuan),
      acceptance_opinion: p.acceptanceOpinion ?? null,
      acceptance_checks: p.acceptanceChecks ?? null,
      rectification: p.rectification ?? null,
      handover_note: p.handoverNote ?? null,
    })
    projectIds.set(p.name, projectId)
    for (const [source, amount, unitName] of p.budget) {
      w.insert('project_budget_lines', { project_id: projectId, source, unit_name: unitName ?? null, amount_fen: yuan(amount) })
    }
    // Paid: the settlement of a finished project (the rest is its 结余), else a share of the budget.
    const paidFen = p.paidPercent === 100 ? (p.settlementYuan === undefined ? budgetFen : yuan(p.settlementYuan)) : Math.round((budgetFen * p.paidPercent) / 100)
    const start = p.milestones.find((m) => m.kind === '开工')?.date
    const accepted = p.milestones.find((m) => m.kind === '验收' && m.result === '合格')?.date
    if (paidFen > 0 && start) {
      const first = accepted ? Math.round(paidFen * 0.7) : paidFen
      const batches: [string, number][] = [[start, first]]
      if (accepted && paidFen > first) batches.push([accepted, paidFen - first])
      // Each batch paid from every source in proportion to its budget (no source paid beyond its own).
      batches.forEach(([date, amount], i) => {
        let left = amount
        p.budget.forEach(([source, lineYuan], k) => {
          const share = k === p.budget.length - 1 ? left : Math.floor((amount * yuan(lineYuan)) / budgetFen)
          left -= share
          if (share <= 0) return
          w.insert('project_disbursements', {
            project_id: projectId,
            paid_date: date,
            amount_fen: share,
            source,
            batch: `第${i + 1}批`,
            doc_no: `示财农〔${date.slice(0, 4)}〕${10 + i}号`,
            payee: p.milestones.find((m) => m.kind === '招标')?.winner ?? p.implementer,
          })
        })
      })
    }
    for (const [level1, level2, indicator, target, unit, actual] of p.indicators) {
      w.insert('project_indicators', { project_id: projectId, level1, level2, indicator, target, unit: unit || null, actual: actual || null })
    }
    for (const m of p.milestones) {
      w.insert('project_milestones', {
        project_id: projectId,
        kind: m.kind,
        milestone_date: m.date,
        result: m.result ?? null,
        winner: m.winner ?? null,
        note: m.note ?? null,
      })
    }
    for (const r of p.progress ?? []) {
      w.insert('project_progress', { project_id: projectId, report_date: r.date, percent: r.percent, invested_fen: yuan(r.investedYuan), lag_reason: r.lagReason ?? null })
    }
    const list = village.households
    const count = Math.min(p.beneficiaries, list.length)
    const beneficiaries = Array.from({ length: count }, (_, i) => list[(p.beneficiaryOffset + i) % list.length]!)
    for (const householdId of beneficiaries) w.insert('project_beneficiaries', { project_id: projectId, household_id: householdId })
    for (const a of p.assets) {
      w.insert('project_assets', {
        project_id: projectId,
        asset_no: a.no,
        name: a.name,
        category: a.category,
        quantity: a.quantity,
        unit: a.unit,
        original_value_fen: yuan(a.yuan),
        built_date: a.built,
        location: a.location,
        owner: a.owner,
        operator: a.operator ?? null,
        custodian: a.custodian,
        custodian_person: a.custodianPerson,
        income_distribution: a.income ?? null,
        household_id: a.beneficiary === undefined || beneficiaries.length === 0 ? null : beneficiaries[a.beneficiary % beneficiaries.length]!,
      })
    }
  }
  // 争取的资金: what the demo unit obtained for the village it assists, recorded apart from the projects' budgets.
  const unitVillage = villages[DEMO_UNIT_VILLAGE]?.villageId
  if (unitVillage !== undefined) {
    for (const [date, amount, grantor, purpose, projectName] of DEMO_UNIT_OBTAINED) {
      const projectId = projectName ? (projectIds.get(projectName) ?? null) : null
      w.insert('unit_obtained_funds', { unit_name: DEMO_UNIT, village_id: unitVillage, obtained_date: date, amount_fen: yuan(amount), grantor, purpose, project_id: projectId })
    }
  }
  // 帮户: the demo unit's aid to households of the village it assists.
  const assisted = villages[DEMO_UNIT_VILLAGE]?.households ?? []
  for (const [date, kind, description, each, households] of DEMO_UNIT_AID) {
    for (const householdId of assisted.slice(0, households)) {
      w.insert('aid', { household_id: householdId, aid_date: date, kind, description, amount_fen: yuan(each), source: DEMO_UNIT })
    }
  }
}

function removeDemoRows(ledger: Ledger, w: Writer): number {
  const demoVillages = 'village_id IN (SELECT id FROM villages WHERE is_demo = 1)'
  const households = ledger.sqlite.prepare(`SELECT count(*) AS n FROM households WHERE ${demoVillages}`).get() as { n: number }
  // Projects carry no demo flag: the demo's are those placed in a demo village. Children first, so each
  // deletion is in the audit trail (cascades would hide them); before the villages, whose deletion would
  // only clear the projects' village.
  // The demo's problems go first, while their links to demo records still say which they are.
  for (const table of ['rectification_progress', 'rectification_attachments'] as const) {
    w.deleteWhere(table, `problem_id IN (SELECT id FROM rectification_problems WHERE ${DEMO_PROBLEMS})`, [])
  }
  w.deleteWhere('rectification_problems', DEMO_PROBLEMS, [])
  // The demo's posts and everything on them; also holdings of demo people on a clerk's own post.
  const demoHoldings = `post_id IN (SELECT id FROM posts WHERE ${DEMO_POSTS}) OR household_id IN (SELECT h.id FROM households h JOIN villages v ON v.id = h.village_id WHERE v.is_demo = 1)`
  for (const id of ledger.sqlite.prepare(`SELECT id FROM monitoring_measures WHERE post_holding_id IN (SELECT id FROM post_holdings WHERE ${demoHoldings})`).pluck().all() as number[]) {
    w.update('monitoring_measures', id, { post_holding_id: null })
  }
  w.deleteWhere('post_payroll', `holding_id IN (SELECT id FROM post_holdings WHERE ${demoHoldings})`, [])
  w.deleteWhere('post_holdings', demoHoldings, [])
  w.deleteWhere('posts', DEMO_POSTS, [])
  const demoProjects = `project_id IN (SELECT id FROM projects WHERE ${demoVillages})`
  for (const table of ['project_assets', 'project_beneficiaries', 'project_progress', 'project_milestones', 'project_indicators', 'project_disbursements', 'project_budget_lines'] as const) {
    w.deleteWhere(table, demoProjects, [])
  }
  w.deleteWhere('unit_obtained_funds', demoVillages, [])
  w.deleteWhere('projects', demoVillages, [])
  // The assistance records of demo households (aid, visits, wishes, pairings) go with them, audited.
  const demoHouseholds = `household_id IN (SELECT id FROM households WHERE ${demoVillages})`
  for (const table of ['wishes', 'visits', 'aid', 'pairings', 'project_beneficiaries'] as const) w.deleteWhere(table, demoHouseholds, [])
  w.deleteWhere('monitoring_measures', `case_id IN (SELECT id FROM monitoring_cases WHERE ${demoHouseholds})`, [])
  w.deleteWhere('monitoring_cases', demoHouseholds, [])
  // The demo's loans (after the measures that may name them), their repayments and 贴息, and the ratings.
  const demoLoans = `loan_id IN (SELECT id FROM credit_loans WHERE ${DEMO_CREDIT_HOUSEHOLDS})`
  w.deleteWhere('credit_repayments', demoLoans, [])
  w.deleteWhere('credit_subsidies', demoLoans, [])
  w.deleteWhere('credit_loans', DEMO_CREDIT_HOUSEHOLDS, [])
  w.deleteWhere('credit_ratings', DEMO_CREDIT_HOUSEHOLDS, [])
  // The demo's yearly settings too; a year the clerk saved since is theirs and stays.
  w.deleteWhere('monitoring_settings', 'is_demo = 1', [])
  for (const table of ['work_spells', 'planned_work', 'household_info'] as const) w.deleteWhere(table, demoHouseholds, [])
  w.deleteWhere('village_statistics', demoVillages, [])
  w.deleteWhere('members', `household_id IN (SELECT id FROM households WHERE ${demoVillages})`, [])
  w.deleteWhere('households', demoVillages, [])
  w.deleteWhere('village_groups', demoVillages, [])
  w.deleteWhere('villages', 'is_demo = 1', [])
  return households.n
}

export function removeDemo(ledger: Ledger, actor: string): number {
  return ledger.write.run({ actor, batch: 'demo-remove' }, (w) => removeDemoRows(ledger, w))
}
