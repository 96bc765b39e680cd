/** The monitoring area's public module: what other areas may use of it. */
export { addMeasure, householdMonitoring, openCase, recordStep, saveSettings, setIndicators, settingsFor } from './cases'
export { monitoringCounts, type MonitoringCounts } from './counts'
