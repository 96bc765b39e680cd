/** Read side of the household ledger: list with search and filters, one household with its members. */
import { sql } from 'kysely'
import type { HouseholdListInput, HouseholdListResult } from '../../../shared/api/households'
import { LedgerError } from '../../../shared/api/result'
import type { HouseholdDetail, Member, VillageSummary } from '../../../shared/domain/households'
import { idDisagreements } from '../../../shared/domain/id-number'
import type { z } from 'zod'
import type { Ledger } from '../db/open'
import { isPinyinQuery } from '../db/pinyin-key'
import { householdStatusAt } from './status'
import { GUARANTEE_ITEMS, guaranteeColumn } from '../../../shared/domain/households-rules'
import { maskColumnValue } from './privacy'
import { statsHouseholdIds } from '../stats'

type ListInput = z.output<typeof HouseholdListInput>
/** The list's filters without paging: what an export of "the current filter" takes. */
export type HouseholdFilter = Omit<ListInput, 'page' | 'pageSize'>

/** Escapes LIKE wildcards so a clerk's % or _ is matched literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

const normalisedSearch = (search: string | undefined) => search?.replace(/\s+/g, '').toUpperCase() || undefined

/** The members (alias m) a search matches: pinyin, a whole ID or its last digits, or part of the name. */
function memberMatch(s: string) {
  if (isPinyinQuery(s)) {
    // zsf / zhangsan / zhangsanfeng → 张三丰: a prefix of the full pinyin or of the initials.
    const prefix = `%|${likeEscape(s.toLowerCase())}%`
    return sql<boolean>`m.name_pinyin LIKE ${prefix} ESCAPE '\\'`
  }
  // Digits are an ID (or 户编号, phone), never part of a name: a whole ID is looked up in the
  // index, the last digits of one (what a clerk reads off a card) matched at the end.
  if (/^\d{3,17}[\dX]?$/.test(s)) return /^\d{17}[\dX]$/.test(s) ? sql<boolean>`m.id_number = ${s}` : sql<boolean>`m.id_number LIKE ${`%${likeEscape(s)}`} ESCAPE '\\'`
  return sql<boolean>`m.name LIKE ${`%${likeEscape(s)}%`} ESCAPE '\\'`
}

/** Households matching the list's search and filters (one definition for the list and for exports). */
function filtered(ledger: Ledger, input: HouseholdFilter) {
  let q = ledger.db
    .selectFrom('households as h')
    .innerJoin('villages as v', 'v.id', 'h.village_id')
    .leftJoin('village_groups as g', 'g.id', 'h.group_id')
  if (input.villageId) q = q.where('h.village_id', '=', input.villageId)
  if (input.groupId) q = q.where('h.group_id', '=', input.groupId)
  if (input.exitStatus) q = q.where('h.exit_status', '=', input.exitStatus)
  if (input.householdType) q = q.where('h.household_type', '=', input.householdType)
  if (input.mainCause) q = q.where('h.main_cause', '=', input.mainCause)
  if (input.monitoringCategory) q = q.where('h.monitoring_category', '=', input.monitoringCategory)
  if (input.helperId) {
    q = q.where(sql<boolean>`h.id IN (SELECT household_id FROM pairings WHERE helper_id = ${input.helperId} AND end_date IS NULL)`)
  }
  if (input.guaranteeGap) {
    q = q.where((eb) => eb.or(GUARANTEE_ITEMS.map((g) => eb(sql.ref(`h.${guaranteeColumn(g.key)}`), '=', '有短板'))))
  }
  if (input.monitoredIn) {
    const year = input.monitoredIn
    const ids = householdStatusAt(ledger, { periodStart: `${year}-01-01`, asOf: `${year}-12-31` })
      .filter((s) => s.monitored)
      .map((s) => s.householdId)
    q = q.where(sql<boolean>`h.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
  }
  // Monitoring cases (the monitoring area's tables): any case of the household that matches.
  if (input.monitoringRisk) {
    q = q.where(sql<boolean>`h.id IN (SELECT c.household_id FROM monitoring_cases c, json_each(c.risks) r WHERE r.value = ${input.monitoringRisk})`)
  }
  if (input.identifiedMonth) {
    q = q.where(sql<boolean>`h.id IN (SELECT household_id FROM monitoring_cases WHERE substr(county_date, 1, 7) = ${input.identifiedMonth})`)
  }
  if (input.monitoringState === 'open') {
    q = q.where(sql<boolean>`h.id IN (SELECT household_id FROM monitoring_cases WHERE county_date IS NOT NULL AND elim_county_date IS NULL)`)
  } else if (input.monitoringState === 'eliminated') {
    q = q.where(sql<boolean>`h.id IN (SELECT household_id FROM monitoring_cases WHERE elim_county_date IS NOT NULL)`)
    q = q.where(sql<boolean>`h.id NOT IN (SELECT household_id FROM monitoring_cases WHERE county_date IS NOT NULL AND elim_county_date IS NULL)`)
  }
  if (input.measureKind) {
    q = q.where(sql<boolean>`h.id IN (SELECT c.household_id FROM monitoring_cases c JOIN monitoring_measures m ON m.case_id = c.id WHERE m.kind = ${input.measureKind})`)
  }
  if (input.stats) {
    const ids = statsHouseholdIds(ledger, input.stats)
    q = q.where(sql<boolean>`h.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
  }
  // Households marked 移出 stay in the ledger but leave the working list.
  q = q.where('h.removed_reason', 'is', null)
  const s = normalisedSearch(input.search)
  if (s) {
    const member = memberMatch(s)
    q = isPinyinQuery(s)
      ? q.where('h.id', 'in', (eb) => eb.selectFrom('members as m').select('m.household_id').where(member))
      : q.where((eb) =>
          eb.or([
            eb('h.household_no', '=', s),
            eb('h.phone', '=', s),
            eb('h.id', 'in', eb.selectFrom('members as m').select('m.household_id').where(member)),
          ]),
        )
  }
  return q
}

/** Ids of every household matching the filter, in list order. */
export async function householdIds(ledger: Ledger, filter: HouseholdFilter): Promise<number[]> {
  const rows = await filtered(ledger, filter).select('h.id').orderBy('v.id').orderBy('h.household_no').orderBy('h.id').execute()
  return rows.map((r) => r.id)
}

export async function listHouseholds(ledger: Ledger, input: ListInput): Promise<HouseholdListResult> {
  const q = filtered(ledger, input)
  const totalRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const head = (col: 'name' | 'id_number') =>
    sql<string | null>`(SELECT m.${sql.ref(col)} FROM members m WHERE m.household_id = h.id AND m.relation = '户主' AND m.removed_reason IS NULL ORDER BY m.sort_order LIMIT 1)`
  const rows = await q
    .select([
      'h.id',
      'h.household_no',
      'v.name as village_name',
      'g.name as group_name',
      'h.household_type',
      'h.exit_status',
      'h.main_cause',
      'h.phone',
      head('name').as('head_name'),
      head('id_number').as('head_id_number'),
      sql<number>`(SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.removed_reason IS NULL)`.as('member_count'),
    ])
    .orderBy('v.id')
    .orderBy('h.household_no')
    .orderBy('h.id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute()
  // A hit on a member who is not the 户主 says who matched (the row shows the head's name).
  const s = normalisedSearch(input.search)
  const matched = new Map<number, { name: string; relation: string | null }[]>()
  if (s && rows.length) {
    const hits = await ledger.db
      .selectFrom('members as m')
      .select(['m.household_id', 'm.name', 'm.relation'])
      .where('m.household_id', 'in', rows.map((r) => r.id))
      .where('m.removed_reason', 'is', null)
      .where((eb) => eb.or([eb('m.relation', 'is', null), eb('m.relation', '<>', '户主')]))
      .where(memberMatch(s))
      .orderBy('m.sort_order')
      .execute()
    for (const h of hits) matched.set(h.household_id, [...(matched.get(h.household_id) ?? []), { name: h.name, relation: h.relation }])
  }
  return {
    total: Number(totalRow.n),
    items: rows.map((r) => ({
      matchedMembers: matched.get(r.id),
      id: r.id,
      householdNo: r.household_no,
      villageName: r.village_name,
      groupName: r.group_name,
      headName: r.head_name,
      // Masked here, not in the page: the full number leaves the core only through households.revealId.
      headIdNumber: maskColumnValue('id_number', r.head_id_number),
      memberCount: Number(r.member_count),
      householdType: r.household_type,
      exitStatus: r.exit_status,
      mainCause: r.main_cause,
      phone: maskColumnValue('phone', r.phone),
    })),
  }
}

const masked = <T extends string | number | null>(column: string, v: T, whole: boolean): T => (whole ? v : maskColumnValue(column, v))

/**
 * One household with its members. ID numbers and phones are masked (4101**********1234,
 * 138****5678) unless `unmasked` — the page gets the full number only through households.revealId.
 */
export async function getHousehold({ db }: Ledger, id: number, options: { unmasked?: boolean } = {}): Promise<HouseholdDetail> {
  const whole = options.unmasked === true
  const h = await db
    .selectFrom('households as h')
    .innerJoin('villages as v', 'v.id', 'h.village_id')
    .leftJoin('village_groups as g', 'g.id', 'h.group_id')
    .selectAll('h')
    .select(['v.name as village_name', 'v.county', 'v.township', 'v.is_demo', 'g.name as group_name'])
    .where('h.id', '=', id)
    .executeTakeFirst()
  if (!h) throw new LedgerError('not_found', `找不到编号为 ${id} 的户，可能已被删除。请返回列表刷新。`)
  const members = await db
    .selectFrom('members')
    .selectAll()
    .where('household_id', '=', id)
    .orderBy('removed_reason', (ob) => ob.nullsFirst())
    .orderBy('sort_order')
    .orderBy('id')
    .execute()
  return {
    id: h.id,
    householdNo: h.household_no,
    county: h.county,
    township: h.township,
    villageId: h.village_id,
    villageName: h.village_name,
    groupName: h.group_name,
    isDemo: h.is_demo === 1,
    declaredSize: h.declared_size,
    householdType: h.household_type,
    povertyAttribute: h.poverty_attribute,
    identificationStandard: h.identification_standard,
    mainCause: h.main_cause,
    otherCauses: h.other_causes,
    exitStatus: h.exit_status,
    exitYear: h.exit_year,
    firstIdentified: h.first_identified,
    monitoringCategory: h.monitoring_category,
    phone: masked('phone', h.phone, whole),
    perCapitaNetIncomeFen: h.per_capita_net_income_fen,
    dilapidatedHouse: h.dilapidated_house,
    safeDrinkingWater: h.safe_drinking_water,
    members: members.map(
      (m): Member => ({
        id: m.id,
        personNo: m.person_no,
        name: m.name,
        sex: m.sex,
        birthDate: m.birth_date,
        idNumber: masked('id_number', m.id_number, whole),
        idWarnings: idDisagreements(m.id_number, m.sex, m.birth_date),
        relation: m.relation,
        ethnicity: m.ethnicity,
        education: m.education,
        schoolStatus: m.school_status,
        health: m.health,
        labourSkill: m.labour_skill,
        workMonths: m.work_months,
        seriousIllnessInsurance: m.serious_illness_insurance,
        removedReason: m.removed_reason,
        removedDate: m.removed_date,
        values: rosterValues(m, whole),
      }),
    ),
    values: rosterValues(h, whole),
  }
}

/** A row's own columns for the edit forms (bookkeeping and search keys left out). */
function rosterValues(row: object, whole: boolean): Record<string, string | number | null> {
  const skip = new Set(['id', 'household_id', 'village_id', 'created_at', 'updated_at', 'extra_json', 'name_pinyin', 'import_batch_id', 'village_name', 'county', 'township', 'is_demo', 'group_name'])
  return Object.fromEntries(
    Object.entries(row)
      .filter(([k, v]) => !skip.has(k) && (v === null || typeof v === 'string' || typeof v === 'number'))
      .map(([k, v]) => [k, masked(k, v as string | number | null, whole)]),
  )
}

export async function listVillages({ db }: Ledger): Promise<VillageSummary[]> {
  const rows = await db
    .selectFrom('villages as v')
    .leftJoin('households as h', (join) => join.onRef('h.village_id', '=', 'v.id').on('h.removed_reason', 'is', null))
    .select(['v.id', 'v.county', 'v.township', 'v.name', 'v.is_demo', (eb) => eb.fn.count<number>('h.id').as('n')])
    .groupBy('v.id')
    .orderBy('v.township')
    .orderBy('v.name')
    .execute()
  const groups = await db.selectFrom('village_groups').select(['id', 'village_id', 'name']).orderBy('name').execute()
  return rows.map((r) => ({
    id: r.id,
    county: r.county,
    township: r.township,
    name: r.name,
    isDemo: r.is_demo === 1,
    householdCount: Number(r.n),
    groups: groups.filter((g) => g.village_id === r.id).map((g) => ({ id: g.id, name: g.name })),
  }))
}
