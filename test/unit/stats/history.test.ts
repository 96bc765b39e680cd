/**
 * 三保障 and 人均纯收入 on a past date come from the change history: households edited on known dates
 * (the ledger's clock set to each), figures and the lists behind them read at dates before, between
 * and after the edits, against what the test itself wrote on each day.
 */
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLedger, type Ledger } from '../../../electron/core/db/open'
import { updateHousehold } from '../../../electron/core/households/edit'
import { householdsOverview, villageStats } from '../../../electron/core/stats/figures'
import { statsHouseholdIds } from '../../../electron/core/stats'
import { endOfDay, gapBits } from '../../../electron/core/stats/snapshot'
import { tempDir } from '../../helpers/temp'

const ledgers: Ledger[] = []
afterEach(async () => {
  for (const l of ledgers.splice(0)) await l.close()
})

/** A ledger whose clock the test moves: every write is stamped at noon (China) of `today`. */
function ledgerWithClock() {
  const clock = { today: '2024-01-10' }
  const ledger = openLedger(path.join(tempDir(), 'ledger.sqlite'), { now: () => new Date(`${clock.today}T04:00:00Z`) })
  ledgers.push(ledger)
  return { ledger, clock }
}

describe('统计 on a past date: 三保障 and income from the change history', () => {
  it('the day boundary is local midnight, written as the audit trail writes times', () => {
    const end = endOfDay('2024-03-31')
    expect(new Date(end).getTime()).toBe(new Date(2024, 3, 1).getTime())
    expect(gapBits({ guarantee_housing: '达标', dilapidated_house: '是' })).toBe(4)
    expect(gapBits({ guarantee_education: '有短板', safe_drinking_water: '否' })).toBe(9)
    expect(gapBits({})).toBe(0)
  })

  it('gaps and income read at dates before, between and after edits on known dates', () => {
    const { ledger, clock } = ledgerWithClock()
    const ids = ledger.write.run({ actor: 'test' }, (w) => {
      w.insert('monitoring_settings', { year: 2024, line_fen: 700_000, publicity_days: 5, min_months_before_elimination: 6, reminder_days_without_measure: 30 })
      const v = w.insert('villages', { county: '测试县', township: '测试镇', name: '青山村', total_population: 500, is_demo: 0 })
      return [0, 1, 2].map((n) => {
        const id = w.insert('households', {
          village_id: v,
          household_no: `5200000000${n}`,
          household_type: '脱贫户',
          exit_status: '已脱贫(享受政策)',
          per_capita_net_income_fen: 900_000,
          guarantee_education: '达标',
          guarantee_medical: '达标',
          guarantee_housing: '达标',
          guarantee_water: '达标',
          dilapidated_house: '否',
          safe_drinking_water: '是',
        })
        w.insert('members', { household_id: id, name: `户主${n}`, relation: '户主', sort_order: 0 })
        return id
      })
    })
    const [a, b, c] = ids as [number, number, number]
    // 2024-03-15: a's housing falls short; b's income drops below the line.
    clock.today = '2024-03-15'
    ledger.write.run({ actor: 'test' }, (w) => {
      w.update('households', a, { guarantee_housing: '有短板' })
      w.update('households', b, { per_capita_net_income_fen: 500_000 })
    })
    // 2024-06-01: a's housing is fixed again, its water falls short (by 饮水安全); c's income is cleared.
    clock.today = '2024-06-01'
    ledger.write.run({ actor: 'test' }, (w) => {
      w.update('households', a, { guarantee_housing: '达标', safe_drinking_water: '否' })
      w.update('households', c, { per_capita_net_income_fen: null })
    })
    // 2024-09-01: through the household edit path (the clerk's own save): b's education falls short.
    clock.today = '2024-09-01'
    updateHousehold(ledger, 'test', b, { guarantee_education: '有短板', guarantee_education_note: '子女辍学（测试）' })

    const gaps = (asOf: string) => Object.fromEntries(householdsOverview(ledger, asOf).gaps.map((g) => [g.key, g.households]))
    const income = (asOf: string) => Object.fromEntries(householdsOverview(ledger, asOf).income.map((g) => [g.key, g.households]))
    const list = (asOf: string, value: string) => statsHouseholdIds(ledger, { asOf, figure: 'gap', value }).sort()

    // Before any edit, and on the day before each one: the values written at first.
    for (const asOf of ['2024-02-01', '2024-03-14']) {
      expect(gaps(asOf)).toEqual({ education: 0, medical: 0, housing: 0, water: 0 })
      expect(income(asOf)).toMatchObject({ below: 0 })
    }
    // The day of the first edits and after: a's housing short, b below the line.
    for (const asOf of ['2024-03-15', '2024-05-31']) {
      expect(gaps(asOf)).toEqual({ education: 0, medical: 0, housing: 1, water: 0 })
      expect(list(asOf, 'housing')).toEqual([a])
      expect(income(asOf)).toMatchObject({ below: 1 })
      expect(statsHouseholdIds(ledger, { asOf, figure: 'income', value: 'below' })).toEqual([b])
    }
    // After the second edits: housing fixed, water short; c's income unknown.
    expect(gaps('2024-06-01')).toEqual({ education: 0, medical: 0, housing: 0, water: 1 })
    expect(list('2024-06-01', 'water')).toEqual([a])
    expect(statsHouseholdIds(ledger, { asOf: '2024-06-01', figure: 'income', value: 'unknown' })).toEqual([c])
    expect(statsHouseholdIds(ledger, { asOf: '2024-05-31', figure: 'income', value: 'unknown' })).toEqual([])
    // The edit through the clerk's path counts from its day on, the 村级统计 too.
    expect(gaps('2024-08-31')).toEqual({ education: 0, medical: 0, housing: 0, water: 1 })
    expect(gaps('2024-09-01')).toEqual({ education: 1, medical: 0, housing: 0, water: 1 })
    expect(villageStats(ledger, '2024-08-31').total.gaps).toEqual({ education: 0, medical: 0, housing: 0, water: 1 })
    expect(villageStats(ledger, '2024-03-20').total.gaps).toEqual({ education: 0, medical: 0, housing: 1, water: 0 })
    expect(villageStats(ledger, '2026-01-01').total.gaps).toEqual({ education: 1, medical: 0, housing: 0, water: 1 })
  })
})
