/** The households behind a figure: the same snapshot and the same tests the figure counted with. */
import { incomeBand, type GapKey, type StatsSelector } from '../../../shared/domain/stats'
import type { Ledger } from '../db/open'
import { hasGap, isPoor, pairingFacts, visitedWithin } from './figures'
import { householdSnapshot, type HouseholdFact } from './snapshot'
import { workFacts, workingAway } from './work'

export function statsHouseholdIds(ledger: Ledger, s: StatsSelector): number[] {
  const snap = householdSnapshot(ledger, s.asOf)
  let list = snap.households
  if (s.villageId) list = list.filter((f) => f.villageId === s.villageId)
  const v = s.value
  const byIds = (ids: Set<number>) => (f: HouseholdFact) => ids.has(f.id)
  let test: (f: HouseholdFact) => boolean
  switch (s.figure) {
    case 'all':
      test = () => true
      break
    case 'type':
      test = (f) => f.type === v
      break
    case 'exit':
      test = (f) => (f.exit ?? '未填') === v
      break
    case 'poor':
      test = isPoor
      break
    case 'monitored':
      test = (f) => f.monitored && (!v || (f.category ?? '未填') === v)
      break
    case 'open':
      test = (f) => f.open && (!v || (f.category ?? '未填') === v)
      break
    case 'openNotDoudi':
      test = (f) => f.open && !f.doudi
      break
    case 'eliminated':
      test = (f) => f.monitored && !f.open && (!v || (f.category ?? '未填') === v)
      break
    case 'risk':
      test = (f) => f.open && f.risks.includes(v ?? '')
      break
    case 'identifiedMonth':
      test = (f) => f.identifiedMonths.includes(v ?? '')
      break
    case 'eliminatedMonth':
      test = (f) => f.eliminatedMonths.includes(v ?? '')
      break
    case 'income':
      test = (f) => incomeBand(f.perCapitaFen, snap.lineFen) === v
      break
    case 'gap':
      test = v ? (f) => f.gaps[v as GapKey] === true : hasGap
      break
    case 'workAway':
      test = byIds(new Set(workingAway(ledger, s.asOf).keys()))
      break
    case 'workProvince':
      test = byIds(new Set(workFacts(ledger, s.asOf).filter((w) => w.province === v).map((w) => w.householdId)))
      break
    case 'workChannel':
      test = byIds(new Set(workFacts(ledger, s.asOf).filter((w) => w.channel === v).map((w) => w.householdId)))
      break
    case 'helper':
    case 'paired':
    case 'visited':
    case 'notVisited': {
      const pf = pairingFacts(ledger, s.asOf)
      const paired = new Set(s.figure === 'helper' ? (pf.byHelper.get(Number(v)) ?? []) : [...pf.byHelper.values()].flat())
      const days = Number(v)
      test =
        s.figure === 'visited'
          ? (f) => paired.has(f.id) && visitedWithin(pf, f.id, s.asOf, days)
          : s.figure === 'notVisited'
            ? (f) => paired.has(f.id) && !visitedWithin(pf, f.id, s.asOf, days)
            : (f) => paired.has(f.id)
      break
    }
  }
  return list.filter(test).map((f) => f.id)
}
