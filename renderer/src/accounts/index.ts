/** The accounts area's public module in the UI: the session and what it may do. */
export { useSession } from './LoginGate'
export { Can, useCan, useCanUnmask, usePermissions, useRole } from './can'
export { ADMIN_HINT, READONLY_HINT, refusalHint, roleCan, roleCanUnmask, UNMASK_HINT } from '../../../shared/api/accounts-permissions'
