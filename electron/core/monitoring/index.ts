/** The monitoring area's public module: what other areas may use of it. */
export { householdMonitoring, settingsFor } from './cases'
