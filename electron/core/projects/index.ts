/** The projects area's public module: what other areas may use of it. */
export { beneficiaries, getProject } from './projects'
export { unitContribution } from './unit-contribution'
