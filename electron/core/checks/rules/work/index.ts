import type { RuleDef } from '../types'

export const workRules: RuleDef[] = []
