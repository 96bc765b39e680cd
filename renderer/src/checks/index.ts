/** The checks area's public module in the UI: the household page's 疑点 card, the imports' 疑点 previews and results. */
export { HouseholdChecks } from './HouseholdChecks'
export { checkRunSummary, ImportCheckResult, ImportWouldAdd, undoCheckSentence } from './ImportChecks'
