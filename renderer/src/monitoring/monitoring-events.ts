/** A window event the 监测 tab sends after a change, so the menu's 监测预警 count follows without a page change. */
export const MONITORING_CHANGED = 'ledger:monitoring-changed'
