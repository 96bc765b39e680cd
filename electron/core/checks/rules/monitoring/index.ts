import type { RuleDef } from '../types'

export const monitoringRules: RuleDef[] = []
