import type { RuleDef } from '../types'

export const landRules: RuleDef[] = []
