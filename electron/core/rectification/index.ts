/** The rectification area's public module: what other areas may use of it (the demo's problems, the printed forms). */
export { addProgress, attachFile, createProblem, getProblem, listProblems, reminders, setStatus, townshipTitle } from './problems'
