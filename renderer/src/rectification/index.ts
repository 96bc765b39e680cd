/** The rectification area's public module in the UI: the deadline reminders other pages show (监测预警 and its menu badge). */
export { ProblemRemindersCard, useProblemReminders } from './ProblemReminders'
