/**
 * Every kind of long work, by name: the merge of the areas' jobs.ts maps. The same functions run in
 * a worker thread (desktop and browser host) or inline (unit tests).
 */
import { checkedImports } from './checks/jobs'
import { demoJobs } from './demo/jobs'
import { formsJobs } from './forms/jobs'
import { householdsJobs } from './households/jobs'
import { importsJobs } from './imports/jobs'
import type { JobFunction } from './jobs'
import { nationalJobs } from './national/jobs'
import { projectsJobs } from './projects/jobs'
import { postsJobs } from './posts/jobs'
import { rectificationJobs } from './rectification/jobs'
import { creditJobs } from './credit/jobs'

/** Imports of records the checks read: the preview tells what they would add to the 疑点, the commit is followed by a check run. */
const CHECKED_PREVIEWS = ['households.importPreview', 'national.import-preview', 'projects.import-preview']
const CHECKED_COMMITS = ['households.importCommit', 'national.import-commit', 'projects.import-commit']
/** Undoing any import removes or restores records the checks read: the 疑点 are checked again after it. */
const CHECKED_UNDOS = ['imports.undo']

export const jobs: Record<string, JobFunction> = checkedImports(
  {
    ...demoJobs,
    ...householdsJobs,
    ...formsJobs,
    ...projectsJobs,
    ...importsJobs,
    ...nationalJobs,
    ...rectificationJobs,
    ...creditJobs,
    ...postsJobs,
  },
  CHECKED_PREVIEWS,
  CHECKED_COMMITS,
  CHECKED_UNDOS,
)
