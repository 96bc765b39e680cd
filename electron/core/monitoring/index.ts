/** The monitoring area's public module: what other areas may use of it. */
export { addMeasure, caseById, householdMonitoring, openCase, recordStep, saveSettings, setIndicators, settingsFor } from './cases'
export { monitoringCounts, type MonitoringCounts } from './counts'
