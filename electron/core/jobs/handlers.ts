import type { AreaHandlers } from '../handler-types'

export const jobsHandlers: AreaHandlers<'jobs'> = {
  'jobs.cancel': ({ jobId }, { jobs }) => ({ cancelled: jobs.cancel(jobId) }),
}
