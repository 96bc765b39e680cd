/** The national area's public module: what other areas (and the CLI) may use of it. */
export { commitNationalImport } from './import/commit'
export { commitNational, previewNational, recallMapping } from './import/job'
export { parseNationalFile, recogniseFile } from './import/parse'
export { isChanged, planNationalImport } from './import/plan'
export { nationalCounts } from './records'
export { caseCorrections, caseFromCells, householdCells, isMonitoringRoster, writeRosterCase } from './monitoring-roster'
export { villageCellsForChecks, workRecordsForChecks, type WorkRecordForChecks } from './check-records'
