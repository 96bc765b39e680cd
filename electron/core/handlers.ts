/** All handlers, one map per area; the type checks that every operation of the contract is served. */
import type { OpName } from '../../shared/api/contract'
import { accountHandlers } from './accounts/handlers'
import { appHandlers } from './app/handlers'
import { assistanceHandlers } from './assistance/handlers'
import { backupHandlers } from './backups/handlers'
import { demoHandlers } from './demo/handlers'
import { householdHandlers } from './households/handlers'
import { householdEditHandlers } from './households/edit-handlers'
import { formHandlers } from './forms/handlers'
import { importHandlers } from './imports/handlers'
import { privacyHandlers } from './households/privacy-handlers'
import { projectHandlers } from './projects/handlers'
import { projectImportHandlers } from './projects/import-handlers'
import type { HandlerMap } from './handler-types'

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
