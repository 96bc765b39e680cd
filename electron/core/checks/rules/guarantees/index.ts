import type { RuleDef } from '../types'

export const guaranteeRules: RuleDef[] = []
