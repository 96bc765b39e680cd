/** The national area's public module in the UI: the household page's 务工情况 card. */
export { WorkSpellsCard } from './WorkSpellsCard'
