/**
 * Who works away (外出务工), where and through which channel. A member with work spells (已外出务工信息,
 * work_spells) works away on a date when one of them is open then (started by that month, not ended
 * before it), with that spell's province, channel and income. A member without any spell is read from
 * the roster: 务工状况 and 务工时间（月） as columns, and 务工所在地 / 务工所在省, 就业渠道 and 务工月收入
 * as its other columns (members.extra_json). Every statistic of work goes through workFacts().
 */
import type { Ledger } from '../db/open'
import { cachedWhileUnchanged, cell, orNull, packed, records } from './snapshot'

export interface WorkFact {
  memberId: number
  householdId: number
  /** 务工所在省, '未填' when not given. */
  province: string
  /** 就业渠道, '未填' when not given. */
  channel: string
  /** 务工月收入 in 分, when given. */
  monthlyIncomeFen: number | null
}

interface MemberWorkRow {
  id: number
  household_id: number
  work_status: string | null
  work_months: string | null
  province: string | null
  channel: string | null
  income: string | number | null
}

const NOT_AWAY = /^(否|无|未|没有|在家|乡内|本乡|乡镇内|未务工|无务工)/
const AWAY = /外出|省外|县外|乡外|市外|境外|出省|务工|打工/

/** Whether a member's 务工 fields say the person works away, and where. Pure, for the tests. */
export function memberWork(r: { workStatus: string | null; province: string | null }): boolean {
  const status = r.workStatus?.trim() ?? ''
  if (status && NOT_AWAY.test(status)) return false
  if (status && AWAY.test(status)) return true
  return Boolean(r.province?.trim())
}

/** '浙江省杭州市' → '浙江省'; '上海市浦东新区' → '上海市'; anything else as written. */
export function provinceOf(place: string | null): string {
  const s = place?.trim().replace(/\s+/g, '') ?? ''
  if (!s) return '未填'
  const m = /^(北京|天津|上海|重庆)市?/.exec(s)
  if (m) return `${m[1]}市`
  const p = /^(.+?(?:省|自治区|特别行政区))/.exec(s)
  return p ? p[1]! : s
}

/** '4500' / '4,500.5' 元 → 分; null when not a number. */
function yuanToFen(v: string | number | null): number | null {
  if (v === null || v === '') return null
  const s = String(v).replace(/[,，\s元]/g, '')
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null
  const [int, dec = ''] = s.split('.')
  return Number(int) * 100 + Number(dec.padEnd(2, '0'))
}

/** Persons working away on the date: members not removed by then whose 务工 fields say so. */
export function workFacts(ledger: Ledger, asOf: string): WorkFact[] {
  return cachedWhileUnchanged(ledger, 'work', asOf, () => buildWorkFacts(ledger, asOf))
}

function buildWorkFacts(ledger: Ledger, asOf: string): WorkFact[] {
  // Packed into one string (see snapshot.ts); the last condition repeats the partial index members_stats_work.
  const cols = [
    'm.id', 'm.household_id', cell('m.work_status'), cell('m.work_months'),
    cell(`CASE WHEN m.extra_json IS NULL THEN NULL ELSE coalesce(json_extract(m.extra_json, '$."务工所在省"'), json_extract(m.extra_json, '$."务工所在地"')) END`),
    cell(`CASE WHEN m.extra_json IS NULL THEN NULL ELSE coalesce(json_extract(m.extra_json, '$."就业渠道"'), json_extract(m.extra_json, '$."就业渠道（易地搬迁后扶使用）"')) END`),
    cell(`CASE WHEN m.extra_json IS NULL THEN NULL ELSE json_extract(m.extra_json, '$."务工月收入"') END`),
  ]
  const rows: MemberWorkRow[] = records(
    ledger.sqlite
      .prepare(
        packed(`SELECT ${cols.map((c) => `(${c})`).join(' || char(31) || ')} AS r
           FROM members m JOIN households h ON h.id = m.household_id
          WHERE h.removed_reason IS NULL AND (m.removed_reason IS NULL OR m.removed_date > ?)
            AND (m.work_status IS NOT NULL OR instr(m.extra_json, '务工') > 0)`),
      )
      .pluck()
      .get(asOf) as string | null,
  ).map(([id, household_id, work_status, work_months, province, channel, income]) => ({
    id: Number(id),
    household_id: Number(household_id),
    work_status: orNull(work_status),
    work_months: orNull(work_months),
    province: orNull(province),
    channel: orNull(channel),
    income: orNull(income),
  }))
  const out: WorkFact[] = []
  const month = asOf.slice(0, 7)
  const withSpells = new Set<number>()
  // Each member's latest spell open on the date counts.
  const spellCols = ['s.member_id', 's.household_id', cell('s.start_month'), cell('s.end_month'), cell('s.province'), cell('s.channel'), cell('s.monthly_income_fen')]
  const spells = records(
    ledger.sqlite
      .prepare(
        packed(`SELECT ${spellCols.map((c) => `(${c})`).join(' || char(31) || ')} AS r
           FROM work_spells s JOIN members m ON m.id = s.member_id JOIN households h ON h.id = s.household_id
          WHERE h.removed_reason IS NULL AND (m.removed_reason IS NULL OR m.removed_date > ?)
          ORDER BY s.member_id, s.start_month DESC`),
      )
      .pluck()
      .get(asOf) as string | null,
  ).map(([member_id, household_id, start_month, end_month, province, channel, income]) => {
    const fen = orNull(income)
    return {
      member_id: Number(member_id),
      household_id: Number(household_id),
      start_month: orNull(start_month),
      end_month: orNull(end_month),
      province: orNull(province),
      channel: orNull(channel),
      monthly_income_fen: fen === null ? null : Number(fen),
    }
  })
  const counted = new Set<number>()
  for (const w of spells) {
    withSpells.add(w.member_id)
    if (counted.has(w.member_id)) continue
    if (!w.start_month || w.start_month > month || (w.end_month !== null && w.end_month < month)) continue
    out.push({
      memberId: w.member_id,
      householdId: w.household_id,
      province: provinceOf(w.province),
      channel: w.channel?.trim() ? w.channel.trim() : '未填',
      monthlyIncomeFen: w.monthly_income_fen,
    })
    counted.add(w.member_id)
  }
  for (const r of rows) {
    if (withSpells.has(r.id)) continue
    const province = r.province === null ? null : String(r.province)
    if (!memberWork({ workStatus: r.work_status, province })) continue
    out.push({
      memberId: r.id,
      householdId: r.household_id,
      province: provinceOf(province),
      channel: r.channel === null || String(r.channel).trim() === '' ? '未填' : String(r.channel).trim(),
      monthlyIncomeFen: yuanToFen(r.income),
    })
  }
  return out
}
