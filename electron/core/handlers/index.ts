/** All handlers, one map per area; the type checks that every operation of the contract is served. */
import type { OpName } from '../../../shared/api/contract'
import { accountHandlers } from './accounts'
import { appHandlers } from './app'
import { assistanceHandlers } from './assistance'
import { backupHandlers } from './backups'
import { demoHandlers } from './demo'
import { householdHandlers } from './households'
import { householdEditHandlers } from './household-edit'
import { formHandlers } from './forms'
import { importHandlers } from './imports'
import { privacyHandlers } from './privacy'
import { projectHandlers } from './projects'
import { projectImportHandlers } from './project-imports'
import type { HandlerMap } from './types'

export const handlers: HandlerMap<OpName> = {
  ...appHandlers,
  ...householdHandlers,
  ...householdEditHandlers,
  ...demoHandlers,
  ...importHandlers,
  ...backupHandlers,
  ...privacyHandlers,
  ...formHandlers,
  ...assistanceHandlers,
  ...accountHandlers,
  ...projectHandlers,
  ...projectImportHandlers,
}
