/** The posts area's public module in the UI: the household page's 公益性岗位 card and income line, the measure form's holding picker. */
export { HouseholdPostsCard, PostWage } from './HouseholdPostsCard'
