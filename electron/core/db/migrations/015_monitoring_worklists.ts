import type { Migration } from './types'

/**
 * The 监测预警 worklists' windows and deadlines, per year beside the 监测线 (all nullable: a list whose
 * setting is blank says so instead of using a constant), and which settings rows the demo wrote
 * (removed with the demo; a clerk saving the year makes the row theirs).
 */
export const m015MonitoringWorklists: Migration = {
  version: 15,
  name: 'monitoring_worklists',
  up(db) {
    db.exec(`
      ALTER TABLE monitoring_settings ADD COLUMN step_deadline_days INTEGER;
      ALTER TABLE monitoring_settings ADD COLUMN identification_deadline_days INTEGER;
      ALTER TABLE monitoring_settings ADD COLUMN work_gap_days INTEGER;
      ALTER TABLE monitoring_settings ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX monitoring_cases_open ON monitoring_cases(elim_county_date, county_date);
    `)
  },
}
