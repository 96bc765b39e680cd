/** The stats area's public module: what other areas may use of it (the household list's `stats` filter). */
export { statsHouseholdIds } from './select'
