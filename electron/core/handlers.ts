/** All handlers: one map per area (electron/core/<area>/handlers.ts); the type checks that every operation of the contract is served. */
import type { OpName } from '../../shared/api/contract'
import { accountsHandlers } from './accounts/handlers'
import { appHandlers } from './app/handlers'
import { assistanceHandlers } from './assistance/handlers'
import { backupsHandlers } from './backups/handlers'
import { checksHandlers } from './checks/handlers'
import { demoHandlers } from './demo/handlers'
import { formsHandlers } from './forms/handlers'
import type { HandlerMap } from './handler-types'
import { householdsHandlers } from './households/handlers'
import { importsHandlers } from './imports/handlers'
import { jobsHandlers } from './jobs/handlers'
import { monitoringHandlers } from './monitoring/handlers'
import { nationalHandlers } from './national/handlers'
import { projectsHandlers } from './projects/handlers'
import { statsHandlers } from './stats/handlers'
import { postsHandlers } from './posts/handlers'
import { rectificationHandlers } from './rectification/handlers'
import { creditHandlers } from './credit/handlers'

export const handlers: HandlerMap<OpName> = {
  ...appHandlers,
  ...jobsHandlers,
  ...householdsHandlers,
  ...demoHandlers,
  ...importsHandlers,
  ...backupsHandlers,
  ...formsHandlers,
  ...assistanceHandlers,
  ...accountsHandlers,
  ...projectsHandlers,
  ...monitoringHandlers,
  ...nationalHandlers,
  ...checksHandlers,
  ...statsHandlers,
  ...rectificationHandlers,
  ...creditHandlers,
  ...postsHandlers,
}
