/** Exposes exactly one narrow object, window.ledger, to the sandboxed renderer. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { LedgerBridge, PickedFile } from '../../shared/api/bridge'
import type { LedgerEvent } from '../../shared/api/jobs'
import type { Result } from '../../shared/api/result'

const bridge: LedgerBridge = {
  host: 'electron',
  invoke: (name: string, input: unknown) => ipcRenderer.invoke('ledger:invoke', name, input) as Promise<Result<unknown>>,
  pickFile: (options) => ipcRenderer.invoke('ledger:pick-file', options) as Promise<Result<PickedFile | null>>,
  saveFile: (fileId, suggestedName) => ipcRenderer.invoke('ledger:save-file', fileId, suggestedName) as Promise<Result<boolean>>,
  savePdf: (suggestedName) => ipcRenderer.invoke('ledger:save-pdf', suggestedName) as Promise<Result<boolean>>,
  onEvent: (listener: (event: LedgerEvent) => void) => {
    const handler = (_e: IpcRendererEvent, event: LedgerEvent) => listener(event)
    ipcRenderer.on('ledger:event', handler)
    return () => void ipcRenderer.removeListener('ledger:event', handler)
  },
}

contextBridge.exposeInMainWorld('ledger', bridge)
