/** The checks area's public module: what other areas may use of it. */
export { runHouseholdChecks, runLedgerChecks } from './store'
export { IMPORT_ISSUE_RULES, wouldAddFindings } from './import-checks'
