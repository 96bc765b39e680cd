/**
 * The explicit, ordered list of migrations bundled with the app. Never edit
 * or reorder a released migration: add a new one at the end.
 */
import { m001Roster } from './001_roster'
import { m002ImportBatches } from './002_import_batches'
import { m004HouseholdStatus } from './004_household_status'
import { m006Search } from './006_search'
import { m008VisitsAid } from './008_visits_aid'
import { m009Accounts } from './009_accounts'
import { m010Projects } from './010_projects'
import { m011AuditIndex } from './011_audit_index'
import { m012MemberNameIndex } from './012_member_name_index'
import { m013Monitoring } from './013_monitoring'
import { m014NationalExports } from './014_national_exports'
import { m015MonitoringWorklists } from './015_monitoring_worklists'
import { m016Checks } from './016_checks'
import { m018FormsFigures } from './018_forms_figures'
import { m019LedgerId } from './019_ledger_id'
import { m020Rectification } from './020_rectification'
import { m021Credit } from './021_credit'
import { m022Posts } from './022_posts'
import { m024StatsIndexes } from './024_stats_indexes'
import { m025StatsIndexes } from './025_stats_indexes_2'
import { m026HouseholdCells } from './026_household_cells'
import type { Migration } from './types'

export const migrations: readonly Migration[] = [m001Roster, m002ImportBatches, m004HouseholdStatus, m006Search, m008VisitsAid, m009Accounts, m010Projects, m011AuditIndex, m012MemberNameIndex, m013Monitoring, m014NationalExports, m015MonitoringWorklists, m016Checks, m018FormsFigures, m019LedgerId, m020Rectification, m021Credit, m022Posts, m024StatsIndexes, m025StatsIndexes, m026HouseholdCells]

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version
