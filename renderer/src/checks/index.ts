/** The checks area's public module in the UI: the household page's 疑点 card. */
export { HouseholdChecks } from './HouseholdChecks'
