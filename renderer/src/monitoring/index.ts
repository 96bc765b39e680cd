/** The monitoring area's public module in the UI: the household page's 监测 tab. */
export { HouseholdMonitoring } from './HouseholdMonitoring'
