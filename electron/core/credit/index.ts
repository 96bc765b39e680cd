/** The credit area's public module: what other areas may use of it (the demo's loans, the monitoring worklists and measures). */
export { addRepayment, addSubsidy, createLoan, creditReminders, getLoan, setRating } from './loans'
