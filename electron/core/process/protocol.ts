/** Messages between Electron's main process and the core running in a utility process. */
import type { LedgerEvent } from '../../../shared/api/jobs'
import type { Result } from '../../../shared/api/result'

export type ToCore =
  | { type: 'init'; dbPath: string; appVersion: string }
  | { type: 'invoke'; id: number; name: string; input: unknown }
  /** A file the clerk chose in main's dialog: the core hands back an opaque id. */
  | { type: 'register-file'; id: number; path: string }
  /** Main needs the path of a file the core produced, to copy it where the clerk saves. */
  | { type: 'resolve-file'; id: number; fileId: string }

export type FromCore =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: LedgerEvent }
