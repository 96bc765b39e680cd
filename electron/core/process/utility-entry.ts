/**
 * The core inside Electron: runs in a utilityProcess, so database work and
 * job supervision never block the main process (which only routes messages
 * and owns windows). Talks to main over process.parentPort.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Result } from '../../../shared/api/result'
import type { CoreContext } from '../context'
import { createCore } from '../create-core'
import { dispatch } from '../dispatch'
import { toErrorData } from '../jobs/runner'
import type { FromCore, ToCore } from './protocol'

interface ParentPort {
  on(event: 'message', listener: (e: { data: ToCore }) => void): void
  postMessage(message: FromCore): void
}
const port = (process as unknown as { parentPort: ParentPort }).parentPort
let core: CoreContext | null = null

port.on('message', ({ data }) => {
  if (data.type === 'init') {
    try {
      core = createCore({
        dbPath: data.dbPath,
        appVersion: data.appVersion,
        workerScript: path.join(__dirname, 'job-worker.js'),
        emit: (event) => port.postMessage({ type: 'event', event }),
      })
      port.postMessage({ type: 'ready' })
    } catch (err) {
      port.postMessage({ type: 'fatal', message: toErrorData(err).message })
    }
  } else if (!core) {
    port.postMessage({ type: 'result', id: data.id, result: { ok: false, error: { code: 'not_ready', message: '台账尚未打开，请稍候再试。' } } })
  } else if (data.type === 'invoke') {
    void dispatch(core, data.name, data.input).then((result) => port.postMessage({ type: 'result', id: data.id, result }))
  } else {
    const files = core.files
    const request = data
    const reply = (): Result<unknown> => {
      if (request.type === 'register-file') {
        const f = files.register(request.path)
        return { ok: true, value: { fileId: f.id, name: f.name, size: fs.statSync(f.path).size } }
      }
      return { ok: true, value: files.get(request.fileId).path }
    }
    try {
      port.postMessage({ type: 'result', id: data.id, result: reply() })
    } catch (err) {
      port.postMessage({ type: 'result', id: data.id, result: { ok: false, error: toErrorData(err) } })
    }
  }
})
