import type { RuleDef } from '../types'

export const ledgerRules: RuleDef[] = []
