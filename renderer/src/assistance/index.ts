/** The assistance area's public module in the UI: what other areas' pages may show of it. */
export { HouseholdAssistance } from './HouseholdAssistance'
