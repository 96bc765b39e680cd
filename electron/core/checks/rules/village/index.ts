import type { RuleDef } from '../types'

export const villageRules: RuleDef[] = []
