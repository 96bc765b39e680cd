/** The assistance area's public module: what other areas may use of it. */
export { applyHelperFromRoster, helperFromRoster, householdAssistance } from './assistance'
