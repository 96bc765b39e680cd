/** The credit area's public module in the UI: the household page's 小额信贷 card. */
export { HouseholdCredit } from './HouseholdCredit'
