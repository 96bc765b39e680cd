import type { AreaHandlers } from '../handler-types'
import {
  addMeasure, deleteCase, deleteMeasure, householdMonitoring, listSettings, openCase, recordStep, saveSettings, setIndicators,
} from './cases'
import { worklists } from './worklists'
import { localToday } from '../households'

export const monitoringHandlers: AreaHandlers<'monitoring'> = {
  'monitoring.household': ({ householdId }, { ledger }) => householdMonitoring(ledger, householdId),
  'monitoring.openCase': (input, { ledger, actor }) => ({ id: openCase(ledger, actor, input) }),
  'monitoring.deleteCase': ({ caseId }, { ledger, actor }) => {
    deleteCase(ledger, actor, caseId)
    return { deleted: true as const }
  },
  'monitoring.recordStep': (input, { ledger, actor }) => {
    recordStep(ledger, actor, input)
    return { recorded: true as const }
  },
  'monitoring.addMeasure': (input, { ledger, actor }) => ({ id: addMeasure(ledger, actor, input) }),
  'monitoring.deleteMeasure': ({ measureId }, { ledger, actor }) => {
    deleteMeasure(ledger, actor, measureId)
    return { deleted: true as const }
  },
  'monitoring.setIndicators': (input, { ledger, actor }) => {
    setIndicators(ledger, actor, input)
    return { saved: true as const }
  },
  'monitoring.settings': (_input, { ledger }) => listSettings(ledger),
  'monitoring.saveSettings': (input, { ledger, actor }) => {
    saveSettings(ledger, actor, input)
    return { saved: true as const }
  },
  'monitoring.worklists': ({ asOf }, { ledger }) => worklists(ledger, asOf ?? localToday()),
}
