/**
 * Every figure of 统计 on generated ledgers, against a count in plain JS over the generator's own
 * model of the rows it wrote (not the core's SQL again), at several dates; the lists behind the
 * figures hold exactly the households counted; the CLI's JSON shape; the report tables and .xlsx.
 */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoreContext } from '../../../electron/core/context'
import { helpersStats, householdsOverview, monitoringStats, projectsStats, villageStats, workStats } from '../../../electron/core/stats/figures'
import { buildReport } from '../../../electron/core/stats/reports'
import { statsHouseholdIds } from '../../../electron/core/stats'
import { clearSnapshotCache } from '../../../electron/core/stats/snapshot'
import { writeReportXlsx } from '../../../electron/core/stats/xlsx'
import { statsCommand } from '../../../electron/cli/stats-command'
import { fenToWan, incomeBand, type StatsSelector } from '../../../shared/domain/stats'
import { opCaller, testCore } from '../../helpers/core'
import { tempDir } from '../../helpers/temp'
import { generateTownship, type GTownship } from './generate'

const cores: CoreContext[] = []
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close()
})

function setup(seed: number, size?: number) {
  const { core } = testCore()
  cores.push(core)
  const t = generateTownship(core.ledger, seed, size)
  return { core, ledger: core.ledger, t }
}

const DATES = ['2021-06-30', '2023-12-31', '2025-03-01']
const NO_LABOUR = ['丧失劳动力', '无劳动力']

/** The generator's model, read as of a date: what each household was, counted in plain JS. */
function expected(t: GTownship, asOf: string) {
  return t.households
    .filter((h) => !h.removed)
    .map((h) => {
      const members = h.members.filter((m) => m.removedDate === null || m.removedDate > asOf)
      const past = h.events.filter((e) => e.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      const hasExitEvents = h.events.some((e) => ['识别', '脱贫', '返贫'].includes(e.kind))
      const hasMonitoringEvents = h.events.some((e) => ['纳入监测', '风险消除'].includes(e.kind))
      let exit = h.exitColumn
      if (hasExitEvents) {
        const last = [...past].reverse().find((e) => ['识别', '脱贫', '返贫'].includes(e.kind))
        exit = last ? ({ 识别: '未脱贫', 脱贫: '已脱贫(享受政策)', 返贫: '返贫' } as Record<string, string>)[last.kind]! : null
      }
      let monitored = h.categoryColumn !== null
      let open = monitored && !h.importedEliminated
      let category = h.categoryColumn
      let risks = h.categoryColumn ? h.importedRisks : []
      if (hasMonitoringEvents) {
        const mon = past.filter((e) => e.kind === '纳入监测' || e.kind === '风险消除')
        const lastIn = [...mon].reverse().find((e) => e.kind === '纳入监测')
        monitored = mon.length > 0
        open = mon.length > 0 && mon[mon.length - 1]!.kind === '纳入监测'
        category = lastIn?.category ?? null
        risks = lastIn?.risks ?? []
      }
      // 户类型: the roster's column, unless the household has a history, which decides.
      let type = h.typeColumn
      if (h.events.length === 0) type = h.typeColumn
      else if (exit !== null && (exit.startsWith('已脱贫') || exit === '返贫')) type = '脱贫户'
      else if (hasMonitoringEvents && monitored && exit === null && type !== '脱贫户') type = '监测户'
      const doudi = h.doudiFlag || (members.length > 0 && members.every((m) => NO_LABOUR.includes(m.labour)))
      return { h, members, persons: members.length, exit, monitored, open, category, risks, type, doudi, away: members.filter((m) => m.away) }
    })
}
type E = ReturnType<typeof expected>[number]
const hp = (l: E[]) => ({ households: l.length, persons: l.reduce((n, e) => n + e.persons, 0) })
const ids = (l: E[]) => l.map((e) => e.h.id).sort((a, b) => a - b)

describe('统计 on generated ledgers', () => {
  it('村级统计: every village and the total, each figure as counted over the generated rows, at three dates', () => {
    const { ledger, t } = setup(11)
    for (const asOf of DATES) {
      const s = villageStats(ledger, asOf, '2023')
      const all = expected(t, asOf)
      for (const v of t.villages) {
        const l = all.filter((e) => e.h.village === v.id)
        const row = s.villages.find((x) => x.villageId === v.id)!
        expect(row.households, `${v.name} ${asOf}`).toBe(l.length)
        expect(row.persons).toBe(hp(l).persons)
        expect(row.tuopin).toEqual(hp(l.filter((e) => e.type === '脱贫户')))
        expect(row.monitored).toEqual(hp(l.filter((e) => e.monitored)))
        for (const c of ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户']) expect(row.monitoredByCategory[c]).toEqual(hp(l.filter((e) => e.monitored && e.category === c)))
        expect(row.open).toEqual(hp(l.filter((e) => e.open)))
        expect(row.openNotDoudi).toEqual(hp(l.filter((e) => e.open && !e.doudi)))
        expect(row.gaps).toEqual({
          education: l.filter((e) => e.h.gaps.education).length,
          medical: l.filter((e) => e.h.gaps.medical).length,
          housing: l.filter((e) => e.h.gaps.housing).length,
          water: l.filter((e) => e.h.gaps.water).length,
        })
        expect(row.workingAway).toBe(l.reduce((n, e) => n + e.away.length, 0))
        const projects = t.projects.filter((p) => p.village === v.id && p.year === '2023')
        expect(row.projects).toBe(projects.length)
        expect(row.plannedFen).toBe(projects.reduce((n, p) => n + p.budget.reduce((a, b) => a + b.fen, 0), 0))
        expect(row.paidFen).toBe(projects.reduce((n, p) => n + p.paid.filter((d) => d.date <= asOf).reduce((a, b) => a + b.fen, 0), 0))
      }
      expect(s.total.households).toBe(all.length)
      expect(s.total.persons).toBe(hp(all).persons)
      expect(s.total.open).toEqual(hp(all.filter((e) => e.open)))
      expect(s.total.openNotDoudi).toEqual(hp(all.filter((e) => e.open && !e.doudi)))
    }
  })

  it('households: by 户类型 and 脱贫状态, 贫困发生率 where the population is known, gaps, income against the 监测线', () => {
    const { ledger, t } = setup(12)
    for (const asOf of DATES) {
      const o = householdsOverview(ledger, asOf)
      const all = expected(t, asOf)
      for (const c of o.byType) expect({ households: c.households, persons: c.persons }).toEqual(hp(all.filter((e) => e.type === c.key)))
      expect(o.byType.reduce((n, c) => n + c.households, 0)).toBe(all.length)
      for (const c of o.byExit) expect({ households: c.households, persons: c.persons }).toEqual(hp(all.filter((e) => (e.exit ?? '未填') === c.key)))
      expect(o.byExit.reduce((n, c) => n + c.households, 0)).toBe(all.length)
      for (const v of t.villages) {
        const row = o.incidence.find((x) => x.villageId === v.id)!
        const poor = all.filter((e) => e.h.village === v.id && (e.exit === '未脱贫' || e.exit === '返贫')).reduce((n, e) => n + e.persons, 0)
        expect(row.poorPersons).toBe(poor)
        expect(row.rate).toBe(v.population ? Math.round((poor * 10_000) / v.population) / 100 : null)
      }
      expect(o.gapAny).toBe(all.filter((e) => Object.values(e.h.gaps).some(Boolean)).length)
      // The line of 2023 holds from 2023 on; before it there is none.
      const line = asOf >= '2023' ? t.lineFen : null
      expect(o.lineFen).toBe(line)
      const band = (e: E) => {
        const p = e.h.perCapitaFen
        if (p === null || line === null) return 'unknown'
        return p < 730_000 ? 'below' : p < 1_095_000 ? 'to150' : p < 1_460_000 ? 'to200' : 'above'
      }
      for (const b of o.income) expect(b.households, `${b.key} ${asOf}`).toBe(all.filter((e) => band(e) === b.key).length)
    }
  })

  it('monitoring: open vs eliminated by category, by risk, per month, average days to elimination', () => {
    const { ledger, t } = setup(13)
    for (const asOf of DATES) {
      const m = monitoringStats(ledger, asOf)
      const all = expected(t, asOf)
      expect(m.monitored).toEqual(hp(all.filter((e) => e.monitored)))
      expect(m.open).toEqual(hp(all.filter((e) => e.open)))
      expect(m.eliminated).toEqual(hp(all.filter((e) => e.monitored && !e.open)))
      for (const c of m.byCategory) {
        expect(c.open).toBe(all.filter((e) => e.open && (e.category ?? '未填') === c.category).length)
        expect(c.eliminated).toBe(all.filter((e) => e.monitored && !e.open && (e.category ?? '未填') === c.category).length)
      }
      for (const r of m.byRisk) expect(r.households).toBe(all.filter((e) => e.open && e.risks.includes(r.risk)).length)
      const live = t.households.filter((h) => !h.removed)
      for (const x of m.months) {
        expect(x.identified).toBe(live.flatMap((h) => h.events).filter((e) => e.kind === '纳入监测' && e.date <= asOf && e.date.startsWith(x.month)).length)
        expect(x.eliminated).toBe(live.flatMap((h) => h.events).filter((e) => e.kind === '风险消除' && e.date <= asOf && e.date.startsWith(x.month)).length)
      }
      expect(m.months).toHaveLength(12)
      expect(m.months[11]!.month).toBe(asOf.slice(0, 7))
      const days: number[] = []
      for (const h of live) {
        const ev = h.events.filter((e) => e.date <= asOf)
        ev.forEach((e, i) => {
          if (e.kind === '风险消除' && ev[i - 1]?.kind === '纳入监测') days.push((Date.parse(e.date) - Date.parse(ev[i - 1]!.date)) / 86_400_000)
        })
      }
      expect(m.eliminationsCounted).toBe(days.length)
      expect(m.averageDaysToElimination).toBe(days.length ? Math.round((days.reduce((a, b) => a + b, 0) * 10) / days.length) / 10 : null)
    }
  })

  it('work: persons away by province and channel, average monthly income', () => {
    const { ledger, t } = setup(14)
    const asOf = '2024-12-31'
    const w = workStats(ledger, asOf)
    const away = expected(t, asOf).flatMap((e) => e.away)
    expect(w.persons).toBe(away.length)
    expect(w.households).toBe(expected(t, asOf).filter((e) => e.away.length > 0).length)
    for (const p of w.byProvince) expect(p.persons).toBe(away.filter((m) => m.province === p.province).length)
    expect(w.byProvince.map((p) => p.province).sort()).toEqual([...new Set(away.map((m) => m.province))].sort())
    for (const c of w.byChannel) expect(c.persons).toBe(away.filter((m) => m.channel === c.channel).length)
    const incomes = away.map((m) => m.incomeFen).filter((x): x is number => x !== null)
    expect(w.withIncome).toBe(incomes.length)
    expect(w.averageMonthlyIncomeFen).toBe(Math.round(incomes.reduce((a, b) => a + b, 0) / incomes.length))
  })

  it('work: a member with work spells counts by the spell open on the date, with its province, channel and income', async () => {
    const { core, ledger, t } = setup(15)
    const { call } = opCaller(core)
    const asOf = '2024-12-31'
    const before = workStats(ledger, asOf)
    // A member the roster says is not away, now with spells: one that ended, and one open on the date.
    const stay = t.households.flatMap((h) => h.members).find((m) => !expected(t, asOf).some((e) => e.away.some((a) => a.id === m.id)) && m.removedDate === null)!
    const blank = { city: null, countyAt: null, employer: null, industry: null }
    await call('national.saveWorkSpell', { memberId: stay.id, startMonth: '2023-01', endMonth: '2023-12', province: '广东省', channel: '亲友介绍', monthlyIncome: '3000', ...blank })
    await call('national.saveWorkSpell', { memberId: stay.id, startMonth: '2024-03', endMonth: null, province: '福建省', channel: '劳务输出', monthlyIncome: '5200.5', ...blank })
    const after = workStats(ledger, asOf)
    expect(after.persons).toBe(before.persons + 1)
    expect(after.byProvince.find((p) => p.province === '福建省')?.persons ?? 0).toBe((before.byProvince.find((p) => p.province === '福建省')?.persons ?? 0) + 1)
    expect(after.byChannel.find((c) => c.channel === '劳务输出')?.persons ?? 0).toBe((before.byChannel.find((c) => c.channel === '劳务输出')?.persons ?? 0) + 1)
    expect(after.withIncome).toBe(before.withIncome + 1)
    // Before the open spell began, only the ended one could count, and it had ended: not away.
    const feb = await call('stats.work', { asOf: '2024-02-01' })
    expect(feb.persons).toBe(expected(t, '2024-02-01').flatMap((e) => e.away).length)
  })

  it('村级统计 and the households working away count by the spells too, never a member or household removed by the date', async () => {
    const { core, ledger, t } = setup(15)
    const { call } = opCaller(core)
    const asOf = '2024-12-31'
    const want = expected(t, asOf)
    const stayer = want.flatMap((e) => e.members.filter((m) => !m.away).map((m) => ({ m, e })))[0]!
    await call('national.saveWorkSpell', {
      memberId: stayer.m.id, startMonth: '2024-03', endMonth: null, province: '福建省', channel: '劳务输出', monthlyIncome: null, city: null, countyAt: null, employer: null, industry: null,
    })
    // Spells open on the date of a member removed by then and of a member of a removed household.
    const gone = t.households.filter((h) => !h.removed).flatMap((h) => h.members.map((m) => ({ m, h }))).find(({ m }) => m.removedDate !== null && m.removedDate <= asOf)!
    const removedHousehold = t.households.find((h) => h.removed && h.members.length > 0)!
    const insert = ledger.sqlite.prepare(
      "INSERT INTO work_spells (member_id, household_id, start_month, end_month, province, created_at, updated_at) VALUES (?, ?, '2024-01', NULL, '浙江省', 'x', 'x')",
    )
    insert.run(gone.m.id, gone.h.id)
    insert.run(removedHousehold.members[0]!.id, removedHousehold.id)
    clearSnapshotCache(ledger)
    const awayHouseholds = new Set([...want.filter((e) => e.away.length > 0).map((e) => e.h.id), stayer.e.h.id])
    // Counted without the work details (workingAway) ...
    const villages = villageStats(ledger, asOf)
    expect(villages.total.workingAway).toBe(want.reduce((n, e) => n + e.away.length, 0) + 1)
    expect(villages.villages.find((v) => v.villageId === stayer.e.h.village)!.workingAway).toBe(
      want.filter((e) => e.h.village === stayer.e.h.village).reduce((n, e) => n + e.away.length, 0) + 1,
    )
    expect(statsHouseholdIds(ledger, { asOf, figure: 'workAway' }).sort((a, b) => a - b)).toEqual([...awayHouseholds].sort((a, b) => a - b))
    // ... and with them (workFacts): the same persons.
    clearSnapshotCache(ledger)
    const work = workStats(ledger, asOf)
    expect(work.persons).toBe(villages.total.workingAway)
    expect(work.households).toBe(awayHouseholds.size)
  })

  it('projects: planned by source, paid by the date, rate, by status and village, 滞后', () => {
    const { ledger, t } = setup(15)
    for (const asOf of ['2023-06-30', '2024-03-31', '2025-12-31']) {
      const p = projectsStats(ledger, asOf, '2023')
      const list = t.projects.filter((x) => x.year === '2023')
      const planned = list.reduce((n, x) => n + x.budget.reduce((a, b) => a + b.fen, 0), 0)
      const paid = list.reduce((n, x) => n + x.paid.filter((d) => d.date <= asOf).reduce((a, b) => a + b.fen, 0), 0)
      expect(p.projects).toBe(list.length)
      expect(p.plannedFen).toBe(planned)
      expect(p.paidFen).toBe(paid)
      expect(p.paidRate).toBe(planned ? Math.round((paid * 1000) / planned) / 10 : null)
      for (const s of p.bySource) expect(s.plannedFen).toBe(list.reduce((n, x) => n + x.budget.filter((b) => b.source === s.source).reduce((a, b) => a + b.fen, 0), 0))
      const statusOf = (x: (typeof list)[number]) => {
        const ms = x.milestones.filter((m) => m.date <= asOf)
        if (ms.some((m) => m.kind === '资产移交')) return '已移交'
        const acc = ms.filter((m) => m.kind === '验收')
        if (acc.length) return acc[acc.length - 1]!.result === '合格' ? '已验收' : '验收不合格'
        if (ms.some((m) => m.kind === '竣工')) return '已竣工'
        if (ms.some((m) => m.kind === '开工')) return '在建'
        return '未开工'
      }
      for (const s of p.byStatus) expect(s.projects, `${s.status} ${asOf}`).toBe(list.filter((x) => statusOf(x) === s.status).length)
      expect(p.lagging).toBe(list.filter((x) => x.plannedEnd < asOf && ['未开工', '在建'].includes(statusOf(x))).length)
      for (const v of p.byVillage) expect(v.projects).toBe(list.filter((x) => x.village === v.villageId).length)
    }
  })

  it('helpers: households per helper on the date, visit coverage in the last 30 and 90 days', () => {
    const { ledger, t } = setup(16)
    const asOf = '2024-08-15'
    const s = helpersStats(ledger, asOf)
    const live = new Set(t.households.filter((h) => !h.removed).map((h) => h.id))
    const pairedOf = (g: (typeof t.helpers)[number]) => [...new Set(g.pairings.filter((p) => live.has(p.household) && p.start <= asOf && (p.end === null || p.end >= asOf)).map((p) => p.household))]
    const visitedIn = (household: number, days: number) =>
      t.visits.some((v) => v.household === household && v.date <= asOf && Date.parse(asOf) - Date.parse(v.date) < days * 86_400_000)
    for (const g of t.helpers) {
      const hs = pairedOf(g)
      const row = s.rows.find((r) => r.helperId === g.id)
      if (hs.length === 0) {
        expect(row).toBeUndefined()
        continue
      }
      expect(row!.households).toBe(hs.length)
      expect(row!.visited30).toBe(hs.filter((h) => visitedIn(h, 30)).length)
      expect(row!.visited90).toBe(hs.filter((h) => visitedIn(h, 90)).length)
      expect(row!.visitsThisYear).toBe(hs.reduce((n, h) => n + t.visits.filter((v) => v.household === h && v.date <= asOf && v.date.startsWith('2024')).length, 0))
    }
    const paired = [...new Set(t.helpers.flatMap(pairedOf))]
    expect(s.pairedHouseholds).toBe(paired.length)
    expect(s.visited30).toBe(paired.filter((h) => visitedIn(h, 30)).length)
    expect(s.visited90).toBe(paired.filter((h) => visitedIn(h, 90)).length)
  })

  it('the list behind a figure holds exactly the households it counted, through households.list', async () => {
    const { core, ledger, t } = setup(17, 160)
    const { call } = opCaller(core)
    const asOf = '2023-12-31'
    const all = expected(t, asOf)
    const village = t.villages[1]!.id
    const cases: [StatsSelector, E[]][] = [
      [{ asOf, figure: 'open' }, all.filter((e) => e.open)],
      [{ asOf, figure: 'openNotDoudi', villageId: village }, all.filter((e) => e.open && !e.doudi && e.h.village === village)],
      [{ asOf, figure: 'monitored', value: '边缘易致贫户' }, all.filter((e) => e.monitored && e.category === '边缘易致贫户')],
      [{ asOf, figure: 'type', value: '脱贫户' }, all.filter((e) => e.type === '脱贫户')],
      [{ asOf, figure: 'eliminated' }, all.filter((e) => e.monitored && !e.open)],
      [{ asOf, figure: 'gap', value: 'housing' }, all.filter((e) => e.h.gaps.housing)],
      [{ asOf, figure: 'workProvince', value: '浙江省' }, all.filter((e) => e.away.some((m) => m.province === '浙江省'))],
      [{ asOf, figure: 'income', value: 'below' }, all.filter((e) => e.h.perCapitaFen !== null && e.h.perCapitaFen < t.lineFen)],
    ]
    for (const [sel, want] of cases) {
      expect(statsHouseholdIds(ledger, sel).sort((a, b) => a - b), JSON.stringify(sel)).toEqual(ids(want))
      const listed = await call('households.list', { stats: sel, pageSize: 500 })
      expect(listed.total).toBe(want.length)
      expect(listed.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(ids(want))
    }
  })

  it('the CLI prints exactly the issue\'s JSON shape', () => {
    const { ledger, t } = setup(18, 60)
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      expect(statsCommand(ledger, '2024-01-01', true)).toBe(0)
      const out = JSON.parse(String(log.mock.calls[0]![0])) as Record<string, unknown> & { villages: Record<string, unknown>[]; total: Record<string, unknown> }
      expect(Object.keys(out)).toEqual(['asOf', 'villages', 'total'])
      expect(out.asOf).toBe('2024-01-01')
      const keys = ['households', 'persons', 'tuopin', 'monitored', 'open', 'openNotDoudi']
      for (const v of out.villages) {
        expect(Object.keys(v)).toEqual(['village', ...keys])
        for (const k of keys.slice(2)) expect(Object.keys(v[k] as object)).toEqual(['households', 'persons'])
      }
      expect(Object.keys(out.total)).toEqual(keys)
      const all = expected(t, '2024-01-01')
      expect(out.total.households).toBe(all.length)
      expect(out.total.openNotDoudi).toEqual(hp(all.filter((e) => e.open && !e.doudi)))
    } finally {
      log.mockRestore()
    }
  })

  it('report tables add up and the .xlsx is laid out for A4 with the header repeated', async () => {
    const { ledger, t } = setup(19, 120)
    const asOf = '2024-06-30'
    for (const kind of ['villages', 'monitoring', 'funds', 'visits'] as const) {
      const r = buildReport(ledger, kind, asOf, '2023')
      const columns = r.header[0]!.reduce((n, c) => n + (c.colSpan ?? 1), 0)
      expect(r.kinds, kind).toHaveLength(columns)
      expect(r.widths).toHaveLength(columns)
      for (const row of r.rows) expect(row).toHaveLength(columns)
      // Every numeric column of the total row is the sum of the rows (no rate column summed).
      r.kinds.forEach((k, i) => {
        if ((k === 'int' || k === 'wan') && i > 0 && typeof r.total![i] === 'number') {
          expect(r.total![i], `${kind} column ${i}`).toBe(r.rows.reduce((n, row) => n + (typeof row[i] === 'number' ? (row[i] as number) : 0), 0))
        }
      })
      const file = path.join(tempDir(), `${kind}.xlsx`)
      await writeReportXlsx(r, file)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.readFile(file)
      const sheet = wb.worksheets[0]!
      expect(sheet.getRow(1).getCell(1).value).toBe(r.title)
      expect(String(sheet.getRow(2).getCell(1).value)).toContain('填报单位：测试县测试镇人民政府')
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 })
      expect(sheet.pageSetup.printTitlesRow).toBe(`3:${2 + r.header.length}`)
      const last = [...Array(sheet.rowCount).keys()].map((i) => String(sheet.getRow(i + 1).getCell(1).value ?? '')).find((x) => x.startsWith('负责人'))
      expect(last).toContain('填表人')
      expect(fs.statSync(file).size).toBeGreaterThan(1000)
    }
    const villages = buildReport(ledger, 'villages', asOf, '2023')
    expect(villages.total![1]).toBe(expected(t, asOf).length)
  })

  it('money in 万元 and income bands on integers', () => {
    expect(fenToWan(0)).toBe('0.0000')
    expect(fenToWan(1_000_000)).toBe('1.0000')
    expect(fenToWan(12_345_678_900)).toBe('12345.6789')
    expect(fenToWan(149)).toBe('0.0001')
    expect(fenToWan(-2_500_000)).toBe('-2.5000')
    expect(incomeBand(729_999, 730_000)).toBe('below')
    expect(incomeBand(730_000, 730_000)).toBe('to150')
    expect(incomeBand(1_095_000, 730_000)).toBe('to200')
    expect(incomeBand(1_460_000, 730_000)).toBe('above')
    expect(incomeBand(null, 730_000)).toBe('unknown')
    expect(incomeBand(500_000, null)).toBe('unknown')
  })
})
