/**
 * The narrow object each host installs as `window.ledger` before the
 * renderer starts. The renderer only ever talks to this interface.
 */
import type { LedgerEvent } from './jobs'
import type { Result } from './result'

export interface PickedFile {
  /** Opaque handle the core resolves; the page never sees a path. */
  fileId: string
  name: string
  size: number
}

export interface PickFileOptions {
  /** Shown as the dialog title. */
  title: string
  /** Extensions without dots, e.g. ['xlsx', 'csv']. */
  extensions: string[]
}

export interface LedgerBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>
  onEvent(listener: (event: LedgerEvent) => void): () => void
  /** Lets the clerk choose a file for the core to read; null when cancelled. */
  pickFile(options: PickFileOptions): Promise<Result<PickedFile | null>>
  /** Saves a file the core produced where the clerk chooses; false when cancelled. */
  saveFile(fileId: string, suggestedName: string): Promise<Result<boolean>>
  /**
   * Saves the page as it prints (A4, the CSS page size) to a PDF where the clerk chooses; false when
   * cancelled. The browser host opens the browser's print dialog, whose 「另存为 PDF」 does the same.
   */
  savePdf(suggestedName: string): Promise<Result<boolean>>
  /** Which host serves the app; used for wording (e.g. print hints) only. */
  readonly host: 'electron' | 'browser'
}
