/**
 * The ledger as the checks read it: plain records, loaded once per run (load.ts) or built by a test
 * (examples.ts). Household and member records keep the national columns the ledger does not model as
 * raw cells (`extra`, keyed by the file's header), as the roster import stored them.
 */
export interface MemberData {
  id: number
  person_no: string | null
  name: string
  sex: string | null
  birth_date: string | null
  id_type: string | null
  id_number: string | null
  relation: string | null
  ethnicity: string | null
  education: string | null
  school_status: string | null
  health: string | null
  labour_skill: string | null
  work_status: string | null
  work_months: string | null
  serious_illness_insurance: string | null
  medical_insurance: string | null
  pension_insurance: string | null
  low_income_support: string | null
  special_support: string | null
  disability_category: string | null
  extra: Record<string, string>
}

export interface MeasureData {
  kind: string
  items: readonly string[]
  date: string
}

/** A monitoring case; counts in the national system once 县级审定 has approved it. */
export interface CaseData {
  id: number
  category: string
  risks: readonly string[]
  risk_note: string | null
  report_date: string
  county_date: string | null
  elimination_method: string | null
  elim_county_date: string | null
  indicators: Record<string, string | number | null>
  measures: MeasureData[]
}

export interface HouseholdData {
  id: number
  village_id: number
  household_no: string | null
  declared_size: number | null
  household_type: string | null
  monitoring_category: string | null
  first_identified: string | null
  phone: string | null
  wage_income_fen: number | null
  business_income_fen: number | null
  property_income_fen: number | null
  transfer_income_fen: number | null
  business_expense_fen: number | null
  net_income_fen: number | null
  per_capita_net_income_fen: number | null
  arable_land_area: string | null
  housing_area: string | null
  dilapidated_house: string | null
  safe_drinking_water: string | null
  removed_reason: string | null
  removed_date: string | null
  extra: Record<string, string>
  members: MemberData[]
  cases: CaseData[]
}

export interface VillageData {
  id: number
  county: string
  township: string
  name: string
  exit_year: string | null
  total_households: number | null
  total_population: number | null
  /** 行政村信息 columns the ledger keeps as cells (by the national header). */
  extra: Record<string, string>
}

/** One out-work spell of the 已外出务工信息 export (or a planned-work row: planned = true). */
export interface WorkSpellData {
  id_number: string
  planned: boolean
  /** YYYY-MM, null when blank. */
  start: string | null
  end: string | null
  /** The export's columns as given (务工所在县, 就业渠道, 务工月收入, 年度交通费补助 …). */
  cells: Record<string, string>
}

export interface HelperData { id: number; name: string; unit: string | null }
export interface PairingData { helper_id: number; household_id: number; start_date: string; end_date: string | null }
export interface VisitData { household_id: number; visit_date: string }
export interface AidData { id: number; household_id: number; aid_date: string; description: string; amount_fen: number | null }
export interface ProjectData { id: number; name: string; beneficiaries: readonly number[] }

export interface CheckSettings {
  /** 监测线 in 分 by year (monitoring settings). */
  lineFenByYear: ReadonlyMap<number, number>
  /** Shortest months from identification to elimination (the as-of year's monitoring settings). */
  minMonthsBeforeElimination: number
  /** Days a monitored household may go without a measure (monitoring settings). */
  reminderDaysWithoutMeasure: number
  /**
   * Identification months (YYYYMM, inclusive) whose cases get the 城乡居民基本医疗保险个人缴费补贴, and the
   * first month from which newly identified cases no longer get it (the county's subsidy window).
   */
  premiumSubsidy: { from: string; to: string; endsFrom: string }
  /** Most households one helper may be paired with (county rule). */
  maxHouseholdsPerHelper: number
  /** Days a paired household may go without a visit. */
  visitWithinDays: number
  /** The county's own name, for "outside the county" work checks (blank: taken from the roster). */
  homeCounty: string | null
}

export interface LedgerData {
  villages: VillageData[]
  households: HouseholdData[]
  helpers: HelperData[]
  pairings: PairingData[]
  visits: VisitData[]
  aid: AidData[]
  projects: ProjectData[]
  /** Work spells and planned work, when the ledger holds them (null: the ledger has no work records). */
  workSpells: WorkSpellData[] | null
  settings: CheckSettings
}
