/** Entry of a job's worker thread: runs one registered job and reports back. */
import { parentPort, workerData } from 'node:worker_threads'
import { jobs } from '../job-registry'
import { toErrorData, type WorkerMessage } from './runner'
import { cancelFlag, JobCancelled } from './types'

const { kind, input, buffer, dbPath, actor } = workerData as {
  kind: string
  input: unknown
  buffer: SharedArrayBuffer
  dbPath: string
  actor: string
}
const flag = cancelFlag(buffer)
const post = (msg: WorkerMessage) => parentPort!.postMessage(msg)

jobs[kind]!(input, {
  dbPath,
  actor,
  progress: (done, total, message) => post({ type: 'progress', done, total, message }),
  checkCancelled: () => {
    if (flag.isSet()) throw new JobCancelled()
  },
}).then(
  (result) => post({ type: 'done', result }),
  (err) => post({ type: 'failed', error: toErrorData(err) }),
)
