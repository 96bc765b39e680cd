/** The monitoring area's public module in the UI: the household page's 监测 tab, the 监测预警 page and its menu label. */
export { HouseholdMonitoring } from './HouseholdMonitoring'
export { WorklistsMenuLabel, WorklistsPage } from './WorklistsPage'
