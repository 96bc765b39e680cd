/** Kysely table types; must mirror the migrations. */
import type { Generated } from 'kysely'

export interface SettingsTable {
  key: string
  value: string
}

export interface VillagesTable {
  id: Generated<number>
  county: string
  township: string
  name: string
  is_poor_village: string | null
  exit_year: string | null
  total_households: number | null
  total_population: number | null
  is_demo: number
}

export interface VillageGroupsTable {
  id: Generated<number>
  village_id: number
  name: string
}

export interface HouseholdsTable {
  id: Generated<number>
  village_id: number
  group_id: number | null
  household_no: string | null
  declared_size: number | null
  household_type: string | null
  poverty_attribute: string | null
  identification_standard: string | null
  main_cause: string | null
  other_causes: string | null
  exit_status: string | null
  exit_year: string | null
  first_identified: string | null
  monitoring_category: string | null
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
  extra_json: string | null
  removed_reason: string | null
  removed_date: string | null
  import_batch_id: number | null
  created_at: string
  updated_at: string
  /** 两不愁三保障 (004): '达标' | '有短板' | null, with a note. */
  guarantee_food: string | null
  guarantee_food_note: string | null
  guarantee_clothing: string | null
  guarantee_clothing_note: string | null
  guarantee_education: string | null
  guarantee_education_note: string | null
  guarantee_medical: string | null
  guarantee_medical_note: string | null
  guarantee_housing: string | null
  guarantee_housing_note: string | null
  guarantee_water: string | null
  guarantee_water_note: string | null
}

export interface MembersTable {
  id: Generated<number>
  household_id: number
  sort_order: number
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
  political_status: string | null
  serious_illness_insurance: string | null
  medical_insurance: string | null
  pension_insurance: string | null
  low_income_support: string | null
  special_support: string | null
  disability_category: string | null
  extra_json: string | null
  removed_reason: string | null
  removed_date: string | null
  /** '|zhangsanfeng|zsf|', kept by the write path. */
  name_pinyin: string | null
  created_at: string
  updated_at: string
}

export interface AccessLogTable {
  id: Generated<number>
  at: string
  actor: string
  action: string
  detail: string | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor: string
  action: 'insert' | 'update' | 'delete'
  table_name: string
  record_id: number
  field: string | null
  old_value: string | null
  new_value: string | null
  batch: string | null
}

export interface ImportBatchesTable {
  id: Generated<number>
  kind: string
  file_name: string
  sha256: string
  sheet: string
  mapping_json: string
  layout_json: string
  counts_json: string
  actor: string
  created_at: string
  undone_at: string | null
  updated_at: string | null
}

export interface ImportMappingsTable {
  id: Generated<number>
  kind: string
  signature: string
  mapping_json: string
  updated_at: string
}

export interface HouseholdStatusEventsTable {
  id: Generated<number>
  household_id: number
  kind: string
  event_date: string
  monitoring_category: string | null
  /** JSON array of 致贫返贫风险. */
  risks: string | null
  risk_note: string | null
  elimination_method: string | null
  note: string | null
  actor: string
  created_at: string
  updated_at: string
}

/** 013: a monitoring case with its procedure steps (<step>_date, _by, _end, _opinion) and indicators. */
export interface MonitoringCasesTable {
  id: Generated<number>
  household_id: number
  category: string
  /** JSON array of 致贫返贫风险. */
  risks: string
  risk_note: string | null
  found_by: string
  size_at_identification: number
  income_at_identification_fen: number
  returned_to_poverty: string | null
  fell_into_poverty: string | null
  report_date: string
  report_by: string
  review_date: string | null
  review_by: string | null
  publicity_date: string | null
  publicity_end: string | null
  publicity_by: string | null
  township_date: string | null
  township_by: string | null
  township_opinion: string | null
  county_date: string | null
  county_by: string | null
  county_opinion: string | null
  elimination_method: string | null
  elim_review_date: string | null
  elim_review_by: string | null
  elim_publicity_date: string | null
  elim_publicity_end: string | null
  elim_publicity_by: string | null
  elim_township_date: string | null
  elim_township_by: string | null
  elim_township_opinion: string | null
  elim_county_date: string | null
  elim_county_by: string | null
  elim_county_opinion: string | null
  after_dropout: string | null
  after_house_damaged: string | null
  after_uninsured: string | null
  after_water_damaged: string | null
  after_wage_fen: number | null
  after_property_fen: number | null
  after_transfer_fen: number | null
  after_business_fen: number | null
  after_business_expense_fen: number | null
  after_net_fen: number | null
  after_per_capita_fen: number | null
  after_claims_fen: number | null
  after_self_paid_fen: number | null
  created_at: string
  updated_at: string
}

export interface MonitoringMeasuresTable {
  id: Generated<number>
  case_id: number
  kind: string
  /** JSON array of the kind's items. */
  items: string
  other_note: string | null
  measure_date: string
  amount_fen: number | null
  responsible: string
  note: string | null
  /** The 小额信贷 loan the measure refers to (migration 021). */
  credit_loan_id: number | null
  /** The 公益性岗位 holding this measure records (公益岗位帮扶), if linked. */
  post_holding_id: number | null
  created_at: string
  updated_at: string
}

export interface MonitoringSettingsTable {
  id: Generated<number>
  year: number
  line_fen: number
  publicity_days: number
  min_months_before_elimination: number
  reminder_days_without_measure: number
  step_deadline_days: number | null
  identification_deadline_days: number | null
  work_gap_days: number | null
  /** 监测预警: days before a 公益性岗位 holding's end month runs out; null = 30. */
  post_end_days: number | null
  is_demo: number
  created_at: string
  updated_at: string
}

/** 014: the national exports' records; every row keeps its file's cells in cells_json. */
interface NationalRecord {
  id: Generated<number>
  cells_json: string
  import_batch_id: number | null
  created_at: string
  updated_at: string
}

export interface WorkSpellsTable extends NationalRecord {
  member_id: number
  household_id: number
  working: string | null
  start_month: string | null
  end_month: string | null
  province: string | null
  city: string | null
  county_at: string | null
  channel: string | null
  employer: string | null
  industry: string | null
  monthly_income_fen: number | null
  point_to_point: string | null
  travel_subsidy_fen: number | null
  job_subsidy: string | null
  source_updated: string | null
}

export interface PlannedWorkTable extends NationalRecord {
  member_id: number
  household_id: number
  planned: string | null
  planned_month: string | null
  province: string | null
  city: string | null
  county_at: string | null
  industry: string | null
  service_need: string | null
  registered: string | null
}

export interface VillageStatisticsTable extends NationalRecord {
  village_id: number
  admin_code: string | null
  exited: string | null
  exit_year: string | null
  total_households: number | null
  total_population: number | null
  exited_households: number | null
  exited_population: number | null
  monitored_households: number | null
  monitored_population: number | null
  low_income_households: number | null
  low_income_population: number | null
  special_support_population: number | null
  disabled_population: number | null
  pension_insured: number | null
  collective_income_fen: number | null
  primary_schools: number | null
  bus_service: string | null
  paved_road: string | null
  clinics: number | null
  doctors: number | null
  public_toilets: number | null
  garbage_points: number | null
  libraries: number | null
  unsafe_water_households: number | null
  dilapidated_households: number | null
  arable_land_area: string | null
  forest_land_area: string | null
}

export interface HouseholdInfoTable extends NationalRecord {
  household_id: number
  housing_structure: string | null
  sanitary_toilet: string | null
  toilet_type: string | null
  toilet_usable: string | null
  tap_water: string | null
  garbage: string | null
  sewage: string | null
  road_type: string | null
  broadband: string | null
  energy: string | null
  source_updated: string | null
}

/** 016: 疑点核查 runs, open findings, waivers. */
export interface CheckRunsTable {
  id: Generated<number>
  scope: string
  as_of: string
  actor: string
  counts_json: string
  open_count: number
  waived_count: number
  new_count: number
  duration_ms: number
  created_at: string
  updated_at: string
}

export interface CheckFindingsTable {
  id: Generated<number>
  key: string
  rule: string
  household_id: number | null
  member_id: number | null
  village_id: number | null
  village: string | null
  household_no: string | null
  person: string | null
  id_number: string | null
  field: string
  value: string | null
  message: string
  cells_json: string
  first_run_id: number
  last_run_id: number
}

export interface CheckWaiversTable {
  id: Generated<number>
  key: string
  rule: string
  subject: string
  reason: string
  waived_by: string
  waived_on: string
  expires: string | null
  source: string
  created_at: string
  updated_at: string
}

export interface SchemaMigrationsTable {
  version: number
  name: string
  applied_at: string
}

/** 020: 问题整改台账 — problems, their dated progress notes and their evidence files (stored by SHA-256 beside the ledger). */
export interface RectificationProblemsTable {
  id: Generated<number>
  problem_no: string | null
  source: string
  batch_no: string | null
  found_date: string
  description: string
  scope: string
  village_id: number | null
  household_id: number | null
  project_id: number | null
  scope_note: string | null
  leader: string | null
  unit: string | null
  person: string | null
  measures: string | null
  deadline: string | null
  status: string
  rectified_date: string | null
  closed_date: string | null
  closed_by: string | null
  similar: string | null
  import_batch_id: number | null
  created_at: string
  updated_at: string
}

export interface RectificationProgressTable {
  id: Generated<number>
  problem_id: number
  note_date: string
  note: string
  created_at: string
  updated_at: string
}

export interface RectificationAttachmentsTable {
  id: Generated<number>
  problem_id: number
  sha256: string
  file_name: string
  mime: string
  size_bytes: number
  created_at: string
  updated_at: string
}

export interface CreditRatingsTable {
  id: Generated<number>
  household_id: number
  grade: string
  rated_by: string | null
  rated_date: string | null
  credit_limit_fen: number | null
  credit_date: string | null
  note: string | null
  created_at: string
  updated_at: string
}

export interface CreditLoansTable {
  id: Generated<number>
  household_id: number
  member_id: number | null
  bank: string
  contract_no: string | null
  amount_fen: number
  loan_date: string
  term_months: number | null
  due_date: string
  purpose: string | null
  use_mode: string
  enterprise: string | null
  note: string | null
  import_batch_id: number | null
  created_at: string
  updated_at: string
}

export interface CreditRepaymentsTable {
  id: Generated<number>
  loan_id: number
  kind: string
  repay_date: string
  amount_fen: number | null
  new_due_date: string | null
  note: string | null
  created_at: string
  updated_at: string
}

export interface CreditSubsidiesTable {
  id: Generated<number>
  loan_id: number
  period: string
  paid_date: string | null
  amount_fen: number
  note: string | null
  created_at: string
  updated_at: string
}

export interface PostsTable {
  id: Generated<number>
  post_type: string
  type_note: string | null
  name: string | null
  village_id: number | null
  pay_fen: number
  funding: string
  funding_note: string | null
  capacity: number
  closed_month: string | null
  note: string | null
  import_batch_id: number | null
  created_at: string
  updated_at: string
}

export interface PostHoldingsTable {
  id: Generated<number>
  post_id: number
  member_id: number
  household_id: number
  start_month: string
  end_month: string | null
  note: string | null
  import_batch_id: number | null
  created_at: string
  updated_at: string
}

export interface PostPayrollTable {
  id: Generated<number>
  holding_id: number
  month: string
  days: number | null
  attendance: string | null
  amount_fen: number
  note: string | null
  created_at: string
  updated_at: string
}

export interface LedgerSchema {
  settings: SettingsTable
  villages: VillagesTable
  village_groups: VillageGroupsTable
  households: HouseholdsTable
  members: MembersTable
  audit_log: AuditLogTable
  access_log: AccessLogTable
  import_batches: ImportBatchesTable
  import_mappings: ImportMappingsTable
  schema_migrations: SchemaMigrationsTable
  household_status_events: HouseholdStatusEventsTable
  monitoring_cases: MonitoringCasesTable
  monitoring_measures: MonitoringMeasuresTable
  monitoring_settings: MonitoringSettingsTable
  check_runs: CheckRunsTable
  check_findings: CheckFindingsTable
  check_waivers: CheckWaiversTable
  work_spells: WorkSpellsTable
  planned_work: PlannedWorkTable
  village_statistics: VillageStatisticsTable
  household_info: HouseholdInfoTable
  rectification_problems: RectificationProblemsTable
  rectification_progress: RectificationProgressTable
  rectification_attachments: RectificationAttachmentsTable
  credit_ratings: CreditRatingsTable
  credit_loans: CreditLoansTable
  credit_repayments: CreditRepaymentsTable
  credit_subsidies: CreditSubsidiesTable
  posts: PostsTable
  post_holdings: PostHoldingsTable
  post_payroll: PostPayrollTable
}

/** Tables the write path may touch (everything but bookkeeping). */
export type WritableTable =
  | 'settings'
  | 'villages'
  | 'village_groups'
  | 'households'
  | 'members'
  | 'import_batches'
  | 'import_mappings'
  | 'household_status_events'
  | 'assisting_units'
  | 'helpers'
  | 'pairings'
  | 'visits'
  | 'aid'
  | 'wishes'
  | 'accounts'
  | 'projects'
  | 'project_budget_lines'
  | 'project_disbursements'
  | 'project_indicators'
  | 'project_milestones'
  | 'project_progress'
  | 'project_beneficiaries'
  | 'check_runs'
  | 'check_waivers'
  | 'project_assets'
  | 'monitoring_cases'
  | 'monitoring_measures'
  | 'monitoring_settings'
  | 'work_spells'
  | 'planned_work'
  | 'village_statistics'
  | 'household_info'
  | 'unit_obtained_funds'
  | 'rectification_problems'
  | 'rectification_progress'
  | 'rectification_attachments'
  | 'credit_ratings'
  | 'credit_loans'
  | 'credit_repayments'
  | 'credit_subsidies'
  | 'posts'
  | 'post_holdings'
  | 'post_payroll'
