/**
 * One record view per kind. A view gives a field by its national column name (监测对象信息 and the
 * other exports, ../shared/domain/national-exports.md) whether the ledger holds it as a structured
 * field, derives it (a monitoring case's 风险是否已消除, a measure column), or keeps it as the raw cell
 * the roster import stored. Rules read records only through these views.
 */
import { parseIdNumber, type IdNumberInfo } from '../../../shared/domain/id-number'
import { INDICATORS } from '../../../shared/domain/monitoring'
import { developmentMeasureTaken, MEASURE_KINDS } from '../../../shared/domain/monitoring-measures'
import { normaliseHeaderText } from '../../../shared/import/text'
import type {
  AidData, CaseData, HelperData, HouseholdData, LedgerData, MemberData, PairingData, ProjectData, VillageData, VisitData, WorkSpellData,
} from './data'

/** A column name in the form lookups compare: normalised, without a unit suffix (（元）, （亩）…). */
const keyCache = new Map<string, string>()
export function colKey(name: string): string {
  let k = keyCache.get(name)
  if (k === undefined) {
    k = normaliseHeaderText(name).replace(/\((元|亩|平方米|元\/年)\)$/, '').replace(/0$/, '')
    keyCache.set(name, k)
  }
  return k
}

const blankText = (v: string | null | undefined): string | null => {
  if (v === null || v === undefined) return null
  const t = String(v).trim()
  return t === '' ? null : t
}

/** 分 → 元 text as the exports write it ('7300', '1234.5'). */
export function fenToYuan(fen: number | null): string | null {
  if (fen === null) return null
  const yuan = Math.trunc(fen / 100)
  const cents = Math.abs(fen % 100)
  const sign = fen < 0 && yuan === 0 ? '-' : ''
  return cents === 0 ? `${sign}${yuan}` : `${sign}${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`
}

/** A number typed in a cell ('1,234.5', '３', '12亩'), or null. */
export function parseNumber(v: string | null): number | null {
  if (v === null) return null
  const t = normaliseHeaderText(v).replace(/,/g, '').replace(/(元|亩|平方米|公里|千米|km|KM|米)$/, '')
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null
  return Number(t)
}

/** YYYYMM of an ISO date, a YYYYMM text or 「2021年08月」, or null. */
export function yearMonth(v: string | null): string | null {
  if (v === null) return null
  const m = /^(\d{4})[-年./]?(\d{1,2})/.exec(v.trim())
  return m ? `${m[1]}${m[2]!.padStart(2, '0')}` : null
}

/** Whole years between an ISO birth date and an ISO date. */
export function ageOn(birth: string, on: string): number {
  if (isIsoDate(birth) && isIsoDate(on)) {
    // The common case, without the arrays of split: YYYY, then MMDD compared as one number.
    const by = Number(birth.slice(0, 4))
    const y = Number(on.slice(0, 4))
    const bmd = Number(birth.slice(5, 7)) * 100 + Number(birth.slice(8, 10))
    const md = Number(on.slice(5, 7)) * 100 + Number(on.slice(8, 10))
    return y - by - (md < bmd ? 1 : 0)
  }
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number]
  const [y, m, d] = on.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}
const isDigit = (c: number) => c >= 48 && c <= 57
const DIGITS_AT = [0, 1, 2, 3, 5, 6, 8, 9]
/** Exactly DDDD-DD-DD. */
function isIsoDate(v: string): boolean {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false
  for (const i of DIGITS_AT) if (!isDigit(v.charCodeAt(i))) return false
  return true
}

const isoBirth = (v: string | null): string | null => {
  if (!v) return null
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v.trim())
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null
}

type Getter<V> = (v: V) => string | null

const PERSON_COLUMNS: Record<string, Getter<PersonView>> = {
  姓名: (p) => p.m.name,
  性别: (p) => p.m.sex,
  出生日期: (p) => p.m.birth_date,
  证件类型: (p) => p.m.id_type,
  证件号码: (p) => p.m.id_number,
  与户主关系: (p) => p.m.relation,
  民族: (p) => p.m.ethnicity,
  文化程度: (p) => p.m.education,
  在校生状况: (p) => p.m.school_status,
  健康状况: (p) => p.m.health,
  劳动技能: (p) => p.m.labour_skill,
  '务工时间(月)': (p) => p.m.work_months,
  人编号: (p) => p.m.person_no,
  残疾类别: (p) => p.m.disability_category,
  是否参加大病保险: (p) => p.m.serious_illness_insurance,
  是否参加城乡居民基本医疗保险: (p) => p.m.medical_insurance,
  是否参加城乡居民基本养老保险: (p) => p.m.pension_insurance,
  享受低保政策情况: (p) => p.raw('享受低保政策情况') ?? (p.m.low_income_support === '是' ? '农村低保' : p.m.low_income_support === '否' ? '未享受' : null),
  享受特困供养政策情况: (p) => p.raw('享受特困供养政策情况') ?? (p.m.special_support === '是' ? '享受' : p.m.special_support === '否' ? '未享受' : null),
}

const fenColumn = (key: keyof HouseholdData): Getter<HouseholdView> => (h) => fenToYuan(h.h[key] as number | null)

const HOUSEHOLD_COLUMNS: Record<string, Getter<HouseholdView>> = {
  户编号: (h) => h.h.household_no,
  户类型: (h) => h.h.household_type,
  监测对象类别: (h) => h.monitoringCase?.category ?? h.h.monitoring_category,
  人数: (h) => (h.h.declared_size === null ? null : String(h.h.declared_size)),
  户联系电话: (h) => h.h.phone,
  工资性收入: fenColumn('wage_income_fen'),
  生产经营性收入: fenColumn('business_income_fen'),
  财产性收入: fenColumn('property_income_fen'),
  转移性收入: fenColumn('transfer_income_fen'),
  生产经营性支出: fenColumn('business_expense_fen'),
  家庭纯收入: fenColumn('net_income_fen'),
  人均纯收入: fenColumn('per_capita_net_income_fen'),
  耕地面积: (h) => h.h.arable_land_area,
  住房面积: (h) => h.h.housing_area,
  是否危房户: (h) => h.h.dilapidated_house,
  是否解决安全饮用水: (h) => h.h.safe_drinking_water,
  县: (h) => h.village?.county ?? null,
  乡: (h) => h.village?.township ?? null,
  村: (h) => h.village?.name ?? null,
  风险是否已消除: (h) => (h.monitoringCase ? (h.monitoringCase.elim_county_date ? '是' : '否') : h.raw('风险是否已消除')),
  识别监测时间: (h) => (h.monitoringCase ? yearMonth(h.monitoringCase.county_date ?? h.monitoringCase.report_date) : h.raw('识别监测时间') ?? yearMonth(h.h.monitoring_category ? h.h.first_identified : null)),
  消除监测时间: (h) => (h.monitoringCase ? yearMonth(h.monitoringCase.elim_county_date) : h.raw('消除监测时间')),
  风险消除方式: (h) => (h.monitoringCase ? (h.monitoringCase.elim_county_date ? h.monitoringCase.elimination_method : null) : h.raw('风险消除方式')),
  '致贫/返贫风险其他备注': (h) => (h.monitoringCase ? h.monitoringCase.risk_note : h.raw('致贫/返贫风险其他备注')),
  实施开发式帮扶措施情况: (h) => (h.monitoringCase && developmentMeasureTaken(h.monitoringCase.measures.map((m) => m.kind)) ? '是' : h.raw('实施开发式帮扶措施情况')),
}
for (let i = 1; i <= 5; i++) {
  HOUSEHOLD_COLUMNS[`致贫/返贫风险${i}`] = (h) => (h.monitoringCase ? (h.monitoringCase.risks[i - 1] ?? null) : h.raw(`致贫/返贫风险${i}`))
}
for (const kind of MEASURE_KINDS) {
  const get: Getter<HouseholdView> = (h) => {
    if (!h.monitoringCase) return h.raw(kind) ?? (kind === '公益岗位帮扶' ? h.raw('公益性岗位帮扶') : null)
    const items = h.monitoringCase.measures.filter((m) => m.kind === kind).flatMap((m) => m.items)
    return items.length ? [...new Set(items)].join(',') : null
  }
  HOUSEHOLD_COLUMNS[kind] = get
}
HOUSEHOLD_COLUMNS['公益性岗位帮扶'] = HOUSEHOLD_COLUMNS['公益岗位帮扶']!
for (const ind of INDICATORS) {
  HOUSEHOLD_COLUMNS[ind.label] = (h) => {
    if (!h.monitoringCase) return h.raw(ind.label)
    const v = h.monitoringCase.indicators[ind.key] ?? null
    return typeof v === 'number' ? fenToYuan(v) : v
  }
}

const byKey = <V>(cols: Record<string, Getter<V>>) => new Map(Object.entries(cols).map(([k, g]) => [colKey(k), g]))
const PERSON = byKey(PERSON_COLUMNS)
const HOUSEHOLD = byKey(HOUSEHOLD_COLUMNS)

const NO_CELLS: ReadonlyMap<string, string> = new Map()
const NO_WORK: readonly WorkSpellData[] = Object.freeze([])

/** What a column name resolves to, decided once per name for the whole process (the maps are constant). */
const HOUSEHOLD_FIELD = 1
const RAW_CELL = 0
type PersonPlan = Getter<PersonView> | typeof HOUSEHOLD_FIELD | typeof RAW_CELL
const personPlans = new Map<string, PersonPlan>()
function personPlan(col: string): PersonPlan {
  let plan = personPlans.get(col)
  if (plan === undefined) {
    const k = colKey(col)
    plan = PERSON.get(k) ?? (HOUSEHOLD.has(k) ? HOUSEHOLD_FIELD : RAW_CELL)
    personPlans.set(col, plan)
  }
  return plan
}
const householdPlans = new Map<string, Getter<HouseholdView> | null>()
function householdPlan(col: string): Getter<HouseholdView> | null {
  let plan = householdPlans.get(col)
  if (plan === undefined) {
    plan = HOUSEHOLD.get(colKey(col)) ?? null
    householdPlans.set(col, plan)
  }
  return plan
}

/** Raw cells with their keys normalised once. */
function rawIndex(extra: Record<string, string>): ReadonlyMap<string, string> {
  let any = false
  for (const _ in extra) {
    any = true
    break
  }
  if (!any) return NO_CELLS
  const m = new Map<string, string>()
  for (const [k, v] of Object.entries(extra)) {
    const t = blankText(v)
    const key = colKey(k.replace(/\([A-Z]+列\)$/, ''))
    if (t !== null && !m.has(key)) m.set(key, t)
  }
  return m
}

export class PersonView {
  readonly kind = 'person'
  private cells: ReadonlyMap<string, string> | null = null
  private birthCache: string | null | undefined
  /** Age on the as-of date, and on the last other date asked (rules ask one or two dates). */
  private ageAsOf: number | null | undefined
  private otherOn: string | null = null
  private otherAge: number | null = null
  private workCache: readonly WorkSpellData[] | null = null
  private idInfoCache: IdNumberInfo | null = null

  constructor(readonly m: MemberData, readonly household: HouseholdView, readonly ctx: RunContext) {}

  /**
   * The cell of an unmodelled national column, as imported on this person's row: its own, else the
   * household's columns stored once for all its rows (households/member-cells.ts).
   */
  raw(col: string): string | null {
    this.cells ??= rawIndex(this.m.extra)
    return (this.cells.size === 0 ? null : (this.cells.get(colKey(col)) ?? null)) ?? this.household.ownRaw(col)
  }

  /**
   * A field by its national column name: the person's own, else the household's. Not kept per record:
   * a structured field is cheaper to read again than to cache, and the run's memory stays the records'.
   */
  get(col: string): string | null {
    const plan = personPlan(col)
    if (plan === RAW_CELL) return this.raw(col)
    if (plan === HOUSEHOLD_FIELD) return this.household.get(col)
    return blankText(plan(this))
  }

  /** Whether the ledger holds this column at all (a structured field, or a cell some record carries). */
  holds(col: string): boolean {
    return personPlan(col) !== RAW_CELL || this.ctx.rawColumns.has(colKey(col))
  }

  /** Blank in a column the ledger holds (a column never imported is not "blank"). */
  blank(col: string): boolean {
    return this.holds(col) && this.get(col) === null
  }

  num(col: string): number | null {
    return parseNumber(this.get(col))
  }

  /** The 证件号码 as the identity checks read it (trimmed, upper case) parsed, once per person. */
  get idInfo(): IdNumberInfo {
    this.idInfoCache ??= parseIdNumber((this.get('证件号码') ?? '').toUpperCase())
    return this.idInfoCache
  }

  /** Birth date from the ID number, else from 出生日期. */
  get birth(): string | null {
    if (this.birthCache === undefined) {
      const id = this.m.id_number
      const info = id ? (id === (this.get('证件号码') ?? '').toUpperCase() ? this.idInfo : parseIdNumber(id)) : null
      this.birthCache = info?.birthDate && !info.problem ? info.birthDate : isoBirth(this.m.birth_date)
    }
    return this.birthCache
  }

  /** Age on the as-of date (or another ISO date). */
  age(on: string = this.ctx.asOf): number | null {
    if (on === this.ctx.asOf) {
      if (this.ageAsOf === undefined) this.ageAsOf = this.birth ? ageOn(this.birth, on) : null
      return this.ageAsOf
    }
    if (on !== this.otherOn) {
      this.otherAge = this.birth ? ageOn(this.birth, on) : null
      this.otherOn = on
    }
    return this.otherAge
  }

  get poor(): boolean { return this.household.poor }
  get monitored(): boolean { return this.household.monitored }
  get eliminated(): boolean { return this.household.eliminated }
  get student(): boolean { return this.m.school_status !== null && this.get('在校生状况') !== null }
  get healthy(): boolean { return this.m.health === '健康' }
  has(col: string, text: string): boolean { return (this.get(col) ?? '').includes(text) }
  get label(): string { return `${this.m.name}（${this.household.label}）` }
  /** The person's work spells (已外出务工信息) and planned work, oldest first. */
  get work(): readonly WorkSpellData[] {
    this.workCache ??= this.m.id_number ? (this.ctx.workByPerson.get(this.m.id_number) ?? NO_WORK) : NO_WORK
    return this.workCache
  }
}

export class HouseholdView {
  readonly kind = 'household'
  readonly members: PersonView[]
  readonly village: VillageData | null
  /** The latest case 县级审定 approved (what the national system holds), else null. */
  readonly monitoringCase: CaseData | null
  private cells: ReadonlyMap<string, string> | null = null
  private headCache: PersonView | null | undefined

  constructor(readonly h: HouseholdData, readonly ctx: RunContext) {
    this.village = ctx.villages.get(h.village_id) ?? null
    const approved = h.cases.filter((c) => c.county_date !== null && c.county_date <= ctx.asOf)
    this.monitoringCase = approved.sort((a, b) => (a.report_date < b.report_date ? 1 : -1))[0] ?? null
    this.members = h.members.map((m) => new PersonView(m, this, ctx))
  }

  /** The household record's own cells. */
  ownRaw(col: string): string | null {
    this.cells ??= rawIndex(this.h.extra)
    return this.cells.size === 0 ? null : (this.cells.get(colKey(col)) ?? null)
  }

  /** A household column kept raw: the household's own cells, else the householder's row, else any member's. */
  raw(col: string): string | null {
    const own = this.ownRaw(col)
    if (own !== null) return own
    const head = this.head
    if (head) {
      const v = head.raw(col)
      if (v !== null) return v
    }
    for (const m of this.members) {
      if (m === head) continue
      const v = m.raw(col)
      if (v !== null) return v
    }
    return null
  }

  /** Not kept per record (see PersonView.get); the derived flags and risks below are. */
  get(col: string): string | null {
    const g = householdPlan(col)
    return g ? blankText(g(this)) : this.raw(col)
  }

  holds(col: string): boolean {
    return householdPlan(col) !== null || this.ctx.rawColumns.has(colKey(col))
  }

  blank(col: string): boolean {
    return this.holds(col) && this.get(col) === null
  }

  num(col: string): number | null {
    return parseNumber(this.get(col))
  }

  /** An income column in 分 (structured or typed in a cell). */
  fen(col: string): number | null {
    const n = this.num(col)
    return n === null ? null : Math.round(n * 100)
  }

  get head(): PersonView | null {
    if (this.headCache === undefined) this.headCache = this.members.find((m) => m.m.relation === '户主') ?? null
    return this.headCache
  }
  private flags: { poor: boolean; monitored: boolean; eliminated: boolean } | null = null
  private get state() {
    if (!this.flags) {
      const monitored = this.get('监测对象类别') !== null
      this.flags = { poor: (this.h.household_type ?? '').includes('脱贫'), monitored, eliminated: monitored && this.get('风险是否已消除') === '是' }
    }
    return this.flags
  }
  get poor(): boolean { return this.state.poor }
  get monitored(): boolean { return this.state.monitored }
  get eliminated(): boolean { return this.state.eliminated }
  /** Monitored and the risk not eliminated. */
  get open(): boolean { return this.state.monitored && !this.state.eliminated }
  private riskList: string[] | null = null
  get risks(): string[] {
    if (!this.riskList) {
      this.riskList = []
      if (this.monitored) {
        for (let i = 1; i <= 5; i++) {
          const r = this.get(`致贫/返贫风险${i}`)
          if (r) this.riskList.push(r)
        }
      }
    }
    return this.riskList
  }
  hasRisk(text: string): boolean { return this.risks.some((r) => r.includes(text)) }
  /** Any item of the measure column(s) filled. */
  measured(...kinds: string[]): boolean { return kinds.some((k) => this.get(k) !== null) }
  measureHas(kind: string, item: string): boolean { return (this.get(kind) ?? '').includes(item) }
  get label(): string { return this.h.household_no ? `户编号 ${this.h.household_no}` : `${this.head?.m.name ?? '?'}户` }
}

export class VillageView {
  readonly kind = 'village'
  private cells: ReadonlyMap<string, string> | null = null
  constructor(readonly v: VillageData, readonly ctx: RunContext) {}
  get(col: string): string | null {
    const k = colKey(col)
    if (k === colKey('村')) return this.v.name
    if (k === colKey('总户数') && this.v.total_households !== null) return String(this.v.total_households)
    if (k === colKey('总人口数') && this.v.total_population !== null) return String(this.v.total_population)
    if (k === colKey('出列年度') && this.v.exit_year) return this.v.exit_year
    this.cells ??= rawIndex(this.v.extra)
    const raw = this.cells.get(k) ?? null
    if (raw === null && k === colKey('是否出列') && this.v.exit_year) return '是'
    return raw
  }
  num(col: string): number | null { return parseNumber(this.get(col)) }
  get exited(): boolean { return this.get('是否出列') === '是' }
  /** The 行政村信息 table was imported for this village (its statistics are held). */
  get hasStatistics(): boolean {
    this.cells ??= rawIndex(this.v.extra)
    return this.cells.size > 0
  }
  blank(col: string): boolean { return this.hasStatistics && this.get(col) === null }
  get label(): string { return this.v.name }
}

export class HelperView {
  readonly kind = 'helper'
  constructor(readonly helper: HelperData, readonly pairings: readonly PairingData[], readonly ctx: RunContext) {}
  /** Households paired with the helper on the as-of date. */
  get current(): PairingData[] {
    return this.pairings.filter((p) => p.start_date <= this.ctx.asOf && (p.end_date === null || p.end_date >= this.ctx.asOf))
  }
  get label(): string { return this.helper.unit ? `${this.helper.name}（${this.helper.unit}）` : this.helper.name }
}

export class ProjectView {
  readonly kind = 'project'
  constructor(readonly project: ProjectData, readonly ctx: RunContext) {}
  get label(): string { return this.project.name }
}

const SCHOOL_YEAR_START = '09-01'

/** A run's context: the as-of date, the year's settings, and indexes over the whole ledger built on first use. */
export class RunContext {
  readonly villages: Map<number, VillageData>
  readonly households: HouseholdView[]
  /** Households moved out of the roster: only the ledger checks read them. */
  readonly departed: HouseholdView[]
  readonly persons: PersonView[]
  readonly rawColumns = new Set<string>()
  readonly year: number
  /** The year's 监测线 in 分 (the latest year set up to the as-of year, else the earliest set), or null. */
  readonly lineFen: number | null
  private memo = new Map<string, unknown>()

  constructor(readonly data: LedgerData, readonly asOf: string) {
    this.year = Number(asOf.slice(0, 4))
    this.villages = new Map(data.villages.map((v) => [v.id, v]))
    const years = [...data.settings.lineFenByYear.keys()].sort((a, b) => a - b)
    const year = [...years].reverse().find((y) => y <= this.year) ?? years[0]
    this.lineFen = year === undefined ? null : data.settings.lineFenByYear.get(year)!
    const seen = new Set<string>()
    const note = (extra: Record<string, string>) => {
      for (const k in extra) {
        if (seen.has(k)) continue
        seen.add(k)
        this.rawColumns.add(colKey(k.replace(/\([A-Z]+列\)$/, '')))
      }
    }
    for (const h of data.households) {
      note(h.extra)
      for (const m of h.members) note(m.extra)
    }
    this.households = data.households.filter((h) => h.removed_reason === null).map((h) => new HouseholdView(h, this))
    this.departed = data.households.filter((h) => h.removed_reason !== null).map((h) => new HouseholdView(h, this))
    this.persons = this.households.flatMap((h) => h.members)
  }

  /** The start of the school year the as-of date falls in (ages for 在校生 checks are taken on it). */
  get schoolDay(): string {
    const md = this.asOf.slice(5)
    return `${md >= SCHOOL_YEAR_START ? this.year : this.year - 1}-${SCHOOL_YEAR_START}`
  }

  /** Builds an index once per run. */
  index<T>(name: string, build: () => T): T {
    if (!this.memo.has(name)) this.memo.set(name, build())
    return this.memo.get(name) as T
  }

  get workByPerson(): Map<string, WorkSpellData[]> {
    return this.index('work', () => {
      const m = new Map<string, WorkSpellData[]>()
      for (const w of this.data.workSpells ?? []) {
        const list = m.get(w.id_number) ?? []
        list.push(w)
        m.set(w.id_number, list)
      }
      for (const list of m.values()) list.sort((a, b) => ((a.start ?? '') < (b.start ?? '') ? -1 : 1))
      return m
    })
  }

  /** The home county (settings, else the roster's most common county). */
  get homeCounty(): string | null {
    return this.index('county', () => {
      if (this.data.settings.homeCounty) return this.data.settings.homeCounty
      const counts = new Map<string, number>()
      for (const v of this.data.villages) counts.set(v.county, (counts.get(v.county) ?? 0) + 1)
      return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
    })
  }

  householdById(id: number): HouseholdData | undefined {
    return this.index('hh', () => new Map(this.data.households.map((h) => [h.id, h]))).get(id)
  }

  visitsOf(householdId: number): VisitData[] {
    return this.index('visits', () => {
      const m = new Map<number, VisitData[]>()
      for (const v of this.data.visits) m.set(v.household_id, [...(m.get(v.household_id) ?? []), v])
      return m
    }).get(householdId) ?? []
  }

  aidOf(householdId: number): AidData[] {
    return this.index('aid', () => {
      const m = new Map<number, AidData[]>()
      for (const a of this.data.aid) m.set(a.household_id, [...(m.get(a.household_id) ?? []), a])
      return m
    }).get(householdId) ?? []
  }

  pairingsOf(householdId: number): PairingData[] {
    return this.index('pairings', () => {
      const m = new Map<number, PairingData[]>()
      for (const p of this.data.pairings) m.set(p.household_id, [...(m.get(p.household_id) ?? []), p])
      return m
    }).get(householdId) ?? []
  }
}
