/** The app itself: what the shell shows in its header and the data page. */
import { none, op } from './op'

export interface AppInfo {
  appVersion: string
  schemaVersion: number
  dbPath: string
  householdCount: number
  memberCount: number
  hasDemo: boolean
  /** Set when the daily backup could not be made (e.g. the USB drive is unplugged). */
  backupWarning: string | null
  /** The ledger file was gone, empty, unreadable or damaged at start and is not restored yet (the 数据与备份 alert says what to do). */
  ledgerProblem: 'missing' | 'empty' | 'unreadable' | 'corrupt' | null
}

export const appOps = {
  'app.info': op<AppInfo>()(none, 'open'),
}
