import type { RuleDef } from '../types'

export const attributeRules: RuleDef[] = []
