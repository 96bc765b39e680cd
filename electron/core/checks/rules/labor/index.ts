import type { RuleDef } from '../types'

export const labourRules: RuleDef[] = []
