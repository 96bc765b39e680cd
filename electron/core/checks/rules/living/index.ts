import type { RuleDef } from '../types'

export const livingRules: RuleDef[] = []
