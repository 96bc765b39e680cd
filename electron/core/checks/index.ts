/** The checks area's public module: what other areas may use of it. */
export { runHouseholdChecks, runLedgerChecks } from './store'
