/** The rectification area's public module: what other areas (and the CLI) may use of it (the demo's problems, the printed forms, the import). */
export { addProgress, attachFile, createProblem, getProblem, listProblems, rectificationCounts, reminders, setStatus, townshipTitle } from './problems'
export { commitProblemImport } from './import/commit'
export { recallProblemMapping } from './import/job'
export { parseProblemFile } from './import/parse'
export { planProblemImport } from './import/plan'
