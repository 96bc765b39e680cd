/**
 * What a role may do in the UI, answered from the contract (each op's declared permission): the pure
 * half of renderer/src/accounts/can.tsx (Can, useCan), tested over the whole contract.
 * `role` null: accounts are not set up, and everything is allowed, as before accounts existed.
 */
import { allows, UNMASK_PERMISSION, type Role } from './accounts'
import { permissionOf, type OpName } from './contract'

export const READONLY_HINT = '只读账户不能修改'
export const ADMIN_HINT = '只有管理员可以这样做'
export const UNMASK_HINT = '只读账户不能导出或打印完整的证件号码和电话'

/** Whether a session with this role may run `op`. */
export function roleCan(role: Role | null | undefined, op: OpName): boolean {
  return !role || allows(role, permissionOf(op))
}

/** Why `op` is not offered to this role (the tooltip of a disabled control), or null when it is. */
export function refusalHint(role: Role | null | undefined, op: OpName): string | null {
  if (roleCan(role, op)) return null
  return permissionOf(op) === 'admin' && role !== 'readonly' ? ADMIN_HINT : READONLY_HINT
}

/** Whether this role may export or print full ID numbers and phones. */
export function roleCanUnmask(role: Role | null | undefined): boolean {
  return !role || allows(role, UNMASK_PERMISSION)
}
