/** The accounts area's public module in the UI: the session and what it may do. */
export { useSession } from './LoginGate'
export { ADMIN_HINT, Can, READONLY_HINT, refusalHint, roleCan, UNMASK_HINT, useCan, useCanUnmask, usePermissions, useRole } from './can'
