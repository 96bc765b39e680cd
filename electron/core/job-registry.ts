/**
 * Every kind of long work, by name: the merge of the areas' jobs.ts maps. The same functions run in
 * a worker thread (desktop and browser host) or inline (unit tests).
 */
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

export const jobs: Record<string, JobFunction> = {
  ...demoJobs,
  ...householdsJobs,
  ...formsJobs,
  ...projectsJobs,
  ...importsJobs,
  ...nationalJobs,
  ...rectificationJobs,
  ...creditJobs,
  ...postsJobs,
}
