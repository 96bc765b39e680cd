import type { RuleDef } from '../types'

export const phoneRules: RuleDef[] = []
