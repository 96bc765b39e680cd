/**
 * A few 公益性岗位 for the demo township, written through the posts area's own functions (so through
 * the audited write path): a 护林员, two 保洁员 places and a 护路员, with holders from demo households,
 * three months of payroll, one holding ending this month (so the reminder shows it), and the demo
 * monitoring case's 公益岗位帮扶 measure linked to the 保洁员 holding of its household. Posts sit in
 * demo villages, which is how removing the demo finds them.
 */
import { addMonth } from '../../../shared/domain/posts'
import type { Ledger } from '../db/open'
import { assignHolder, createPost, savePayroll } from '../posts'

const month = () => {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

export function writeDemoPosts(ledger: Ledger, actor: string, villages: { villageId: number; households: number[] }[]): void {
  const [v1, v2] = villages
  if (!v1) return
  const now = month()
  const adults = ledger.sqlite.prepare(
    `SELECT m.id FROM members m WHERE m.household_id IN (SELECT value FROM json_each(?)) AND m.removed_reason IS NULL
       AND m.birth_date BETWEEN '1958-01-01' AND '2002-12-31' AND (m.school_status IS NULL OR m.school_status IN ('非在校生', '学龄前儿童'))
       AND NOT EXISTS (SELECT 1 FROM post_holdings hd WHERE hd.member_id = m.id) ORDER BY m.household_id, m.sort_order LIMIT ?`,
  ).pluck()
  const pick = (households: number[], n: number) => adults.all(JSON.stringify(households), n) as number[]
  const start = addMonth(now, -8)
  const pay = (postId: number, holdings: number[], amount: string) => {
    for (let k = 3; k >= 1; k--) savePayroll(ledger, actor, postId, addMonth(now, -k), holdings.map((holdingId, i) => ({ holdingId, days: 22 - i, attendance: '全勤', amount })))
  }

  // The 保洁员 of the monitored household whose case records 公益岗位帮扶 (from its measure date).
  const measure = ledger.sqlite
    .prepare(
      `SELECT mm.id, mm.measure_date, c.household_id FROM monitoring_measures mm JOIN monitoring_cases c ON c.id = mm.case_id
        WHERE mm.kind = '公益岗位帮扶' AND c.household_id IN (SELECT value FROM json_each(?)) ORDER BY mm.id LIMIT 1`,
    )
    .get(JSON.stringify(villages.flatMap((v) => v.households))) as { id: number; measure_date: string; household_id: number } | undefined
  const villageOf = (householdId: number) => villages.find((v) => v.households.includes(householdId))?.villageId ?? v1.villageId

  const clean = createPost(ledger, actor, { postType: '保洁员', name: '村庄保洁', villageId: measure ? villageOf(measure.household_id) : v1.villageId, pay: '500', funding: '衔接资金', capacity: 2 })
  const cleaners: number[] = []
  if (measure) {
    const [m] = pick([measure.household_id], 1)
    if (m) {
      const holding = assignHolder(ledger, actor, { postId: clean, memberId: m, startMonth: measure.measure_date.slice(0, 7) })
      cleaners.push(holding)
      ledger.write.run({ actor }, (w) => w.update('monitoring_measures', measure.id, { post_holding_id: holding }))
    }
  }
  for (const m of pick(v1.households, 2 - cleaners.length)) cleaners.push(assignHolder(ledger, actor, { postId: clean, memberId: m, startMonth: start }))
  pay(clean, cleaners, '500')

  const forest = createPost(ledger, actor, { postType: '护林员', name: '生态护林员', villageId: v1.villageId, pay: '800', funding: '生态补偿资金', capacity: 1 })
  const [ranger] = pick([...v1.households].reverse(), 1)
  if (ranger) {
    // Hired for a year that ends this month: on the reminders.
    const h = assignHolder(ledger, actor, { postId: forest, memberId: ranger, startMonth: addMonth(now, -11), endMonth: now })
    pay(forest, [h], '800')
  }
  const road = createPost(ledger, actor, { postType: '护路员', villageId: (v2 ?? v1).villageId, pay: '600', funding: '衔接资金', capacity: 1 })
  const [keeper] = pick((v2 ?? v1).households, 1)
  if (keeper) pay(road, [assignHolder(ledger, actor, { postId: road, memberId: keeper, startMonth: start, endMonth: addMonth(now, 4) })], '600')
}

/** The demo's posts: those in a demo village (removed before the villages), with their holdings and payroll. */
export const DEMO_POSTS = 'village_id IN (SELECT id FROM villages WHERE is_demo = 1)'
