/**
 * The narrow object each host installs as `window.ledger` before the
 * renderer starts. The renderer only ever talks to this interface.
 */
import type { LedgerEvent } from './jobs'
import type { Result } from './result'

export interface LedgerBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>
  onEvent(listener: (event: LedgerEvent) => void): () => void
  /** Which host serves the app; used for wording (e.g. print hints) only. */
  readonly host: 'electron' | 'browser'
}
