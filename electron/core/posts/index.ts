/** The posts area's public module: what other areas may use of it (the 监测预警 worklists, the demo, the measure form's link). */
export { assignHolder, createPost, householdHoldings, postReminders, postWageFen, savePayroll } from './posts'
