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

export interface SchemaMigrationsTable {
  version: number
  name: string
  applied_at: string
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
  | 'project_assets'
