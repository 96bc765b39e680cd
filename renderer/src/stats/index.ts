/** The stats area's public UI: what the household list shows above a list opened from a figure. */
export { StatsSelectorTag } from './StatsSelectorTag'
