import type { RuleDef } from '../types'

export const assistanceRules: RuleDef[] = []
