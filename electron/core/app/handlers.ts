import type { AreaHandlers } from '../handler-types'

export const appHandlers: AreaHandlers<'app'> = {
  'app.info': (_input, { ledger, appVersion, backupWarning, ledgerCheck }) => {
    const counts = ledger.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM households) AS households,
                (SELECT count(*) FROM members) AS members,
                EXISTS (SELECT 1 FROM villages WHERE is_demo = 1) AS demo`,
      )
      .get() as { households: number; members: number; demo: number }
    return {
      appVersion,
      schemaVersion: ledger.schemaVersion,
      dbPath: ledger.path,
      householdCount: counts.households,
      memberCount: counts.members,
      hasDemo: counts.demo === 1,
      backupWarning,
      ledgerProblem: ledgerCheck?.problem ?? null,
    }
  },
}
