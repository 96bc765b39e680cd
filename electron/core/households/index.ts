/** The households area's public module: what other areas may use of it. */
export { getHousehold, householdIds, type HouseholdFilter } from './queries'
export { localToday, recordStatusEvent, statusEvents } from './status'
export { maskAuditValue } from './privacy'
export { logAccess } from './access-log'
