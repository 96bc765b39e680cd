/**
 * How an area declares its operations: `op<Result>()(inputSchema, permission)`. Each area lists its
 * operations in shared/api/<area>.ts; contract.ts only merges the areas' maps.
 */
import { z } from 'zod'

/** What an operation needs when accounts are on: 'open' (always allowed), 'read', 'write' or 'admin'. */
export type Permission = 'open' | 'read' | 'write' | 'admin'

export interface OpDeclaration<I extends z.ZodType, R> {
  input: I
  permission: Permission
  /** Phantom: carries the result type only. */
  result?: R
}

/** Anything not declared otherwise writes: a new operation is guarded until someone decides otherwise. */
export function op<R>() {
  return <I extends z.ZodType>(input: I, permission: Permission = 'write'): OpDeclaration<I, R> => ({ input, permission })
}

export const id = z.number().int().positive()
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
export const fileId = z.string().uuid()
export const none = z.object({})
