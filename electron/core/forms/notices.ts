/**
 * The data of the 公示 forms: a year's projects (项目公示) and a project's
 * beneficiary households (受益户公示). ID numbers leave the core masked only:
 * a notice is posted on a wall.
 */
import type { BeneficiaryNotice, ProjectNotice, ProjectNoticeRow } from '../../../shared/api/forms'
import { LedgerError } from '../../../shared/api/result'
import { maskIdNumber } from '../../../shared/domain/id-number'
import { orderSources, projectPlace, type ProjectDetail } from '../../../shared/domain/projects'
import type { Ledger } from '../db/open'
import { beneficiaries, getProject } from '../projects'

/** 示例县示例镇: from the project's village, else the township's villages. */
export function townshipName(ledger: Ledger, villageId?: number | null): string {
  const row = ledger.sqlite
    .prepare('SELECT county, township FROM villages ORDER BY id = ? DESC, is_demo, id LIMIT 1')
    .get(villageId ?? null) as { county: string | null; township: string | null } | undefined
  return row ? `${row.county ?? ''}${row.township ?? ''}` : ''
}

/** 绩效目标 as a 公示 prints it: the 产出 and 效益 targets, 「硬化道路长度 2.3公里；受益户年均节约运输成本 ≥300元」. */
export function goalsText(p: ProjectDetail): string {
  return p.indicators
    .filter((i) => i.level1 !== '满意度指标' && i.target)
    .map((i) => `${i.indicator} ${i.target ?? ''}${i.unit ?? ''}`)
    .join('；')
}

export function projectNotice(ledger: Ledger, year: string): ProjectNotice {
  const ids = ledger.sqlite
    .prepare('SELECT p.id FROM projects p LEFT JOIN villages v ON v.id = p.village_id WHERE p.year = ? ORDER BY v.name, p.project_no, p.id')
    .pluck()
    .all(year) as number[]
  const projects = ids.map((id) => getProject(ledger, id))
  const sources = orderSources(projects.flatMap((p) => Object.keys(p.totals.bySource))).filter((s) => projects.some((p) => (p.totals.bySource[s] ?? 0) > 0))
  const rows: ProjectNoticeRow[] = projects.map((p) => ({
    projectId: p.id,
    projectNo: p.projectNo,
    name: p.projectName,
    village: p.village,
    location: p.location,
    place: projectPlace(p.township, p.village, p.location),
    content: p.content,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    goals: goalsText(p),
    farmerLink: p.farmerLink,
    responsiblePerson: p.responsiblePerson,
    responsibleUnit: p.responsibleUnit,
    bySource: Object.fromEntries(sources.map((s) => [s, p.totals.bySource[s] ?? 0])),
    totalFen: p.totals.budgetFen,
    households: p.beneficiaryCounts.households,
    persons: p.beneficiaryCounts.persons,
    implementer: p.implementer,
  }))
  const sum = (get: (r: ProjectNoticeRow) => number) => rows.reduce((n, r) => n + get(r), 0)
  return {
    year,
    township: townshipName(ledger, projects[0]?.villageId),
    sources,
    rows,
    totals: {
      bySource: Object.fromEntries(sources.map((s) => [s, sum((r) => r.bySource[s] ?? 0)])),
      totalFen: sum((r) => r.totalFen),
      households: sum((r) => r.households),
      persons: sum((r) => r.persons),
    },
  }
}

export function beneficiaryNotice(ledger: Ledger, projectId: number): BeneficiaryNotice {
  const p = getProject(ledger, projectId)
  const list = beneficiaries(ledger, projectId)
  if (list.length === 0) throw new LedgerError('empty', `项目「${p.projectName}」还没有登记受益户，无法生成受益户公示。请先在项目页面添加受益户。`)
  const rows = list.map((b) => ({
    headName: b.headName ?? '',
    idMasked: b.headIdNumber ? maskIdNumber(b.headIdNumber) : '',
    village: b.village,
    householdNo: b.householdNo,
    persons: b.persons,
    kind: b.monitored ? '监测户' : b.householdType === '脱贫户' || (!b.householdType && b.exitStatus) ? '脱贫户' : (b.householdType ?? '一般农户'),
  }))
  return {
    township: townshipName(ledger, p.villageId),
    project: {
      id: p.id,
      projectNo: p.projectNo,
      name: p.projectName,
      year: p.year,
      village: p.village,
      location: p.location,
      place: projectPlace(p.township, p.village, p.location),
      content: p.content,
      implementer: p.implementer,
      totalFen: p.totals.budgetFen,
    },
    rows,
    households: rows.length,
    persons: rows.reduce((n, r) => n + r.persons, 0),
  }
}
