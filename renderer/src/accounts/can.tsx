/**
 * What the signed-in person may do, answered from the contract: a control is tied to the
 * operation it runs (`<Can op="households.update">`, `useCan('households.update')`), never to
 * role names. The core refuses the same calls anyway; this only keeps the UI from offering them.
 * Without accounts (no sign-in) everything is allowed, as before.
 */
import { Tooltip } from 'antd'
import { cloneElement, isValidElement, useCallback, type ReactElement, type ReactNode } from 'react'
import type { Role } from '../../../shared/api/accounts'
import type { OpName } from '../../../shared/api/contract'
import { useSession } from './LoginGate'
import { refusalHint, roleCan, roleCanUnmask } from '../../../shared/api/accounts-permissions'

/** The signed-in role, or null when accounts are not set up. */
export function useRole(): Role | null {
  const status = useSession().status
  return status?.enabled ? (status.current?.role ?? null) : null
}

/** `can(op)` for the current session: for lists of actions decided in a loop. */
export function usePermissions(): (op: OpName) => boolean {
  const role = useRole()
  return useCallback((op: OpName) => roleCan(role, op), [role])
}

/** Whether the current session may export or print full ID numbers and phones. */
export function useCanUnmask(): boolean {
  return roleCanUnmask(useRole())
}

/** Whether the current session may run `op`. */
export function useCan(op: OpName): boolean {
  return roleCan(useRole(), op)
}

/**
 * Shows its child (a button, a link, a menu trigger) when the session may run `op` (every op
 * listed, when an array). Otherwise hides it (`hide`) or shows it disabled with a tooltip saying
 * why (the default: the layout stays as it was). `fallback` replaces a hidden child.
 */
export function Can({ op, hide, fallback = null, children }: { op: OpName | OpName[]; hide?: boolean; fallback?: ReactNode; children: ReactNode }) {
  const role = useRole()
  const ops = Array.isArray(op) ? op : [op]
  const hint = ops.map((o) => refusalHint(role, o)).find(Boolean) ?? null
  if (!hint) return <>{children}</>
  if (hide || !isValidElement(children)) return <>{fallback}</>
  return (
    <Tooltip title={hint}>
      {/* A disabled button gets no mouse events: the span carries the tooltip. */}
      <span className="can-disabled" data-refused={hint}>
        {cloneElement(children as ReactElement<{ disabled?: boolean }>, { disabled: true })}
      </span>
    </Tooltip>
  )
}
