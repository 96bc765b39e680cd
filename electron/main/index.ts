/**
 * Electron main process: owns the window and routes operations to the core,
 * which runs in a utility process (restarted if it crashes). Hardened:
 * context isolation, sandbox, no Node in the renderer, CSP, no navigation,
 * no new windows, no permissions.
 */
import fs from 'node:fs'
import path from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, session, utilityProcess, type UtilityProcess } from 'electron'
import type { Result } from '../../shared/api/result'
import { defaultDbPath, userDataDir } from '../core/paths'
import type { FromCore, ToCore } from '../core/process/protocol'
import { CONTENT_SECURITY_POLICY } from '../host/security'
import { isTrustedUrl as isTrustedPage } from '../host/trusted-page'

app.setPath('userData', userDataDir())
app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  dialog.showErrorBox('乡镇帮扶台账', '台账已经在运行。同一份数据不能同时由两个窗口写入，请切换到已打开的窗口。')
  app.quit()
}

let win: BrowserWindow | null = null
let core: UtilityProcess | null = null
let nextId = 1
const pending = new Map<number, (r: Result<unknown>) => void>()
const dbPath = (() => {
  const i = process.argv.indexOf('--db')
  return i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]!) : defaultDbPath()
})()

function startCore(): void {
  core = utilityProcess.fork(path.join(__dirname, 'core.js'), [], { serviceName: 'township-ledger-core' })
  core.on('message', (msg: FromCore) => {
    if (msg.type === 'result') {
      pending.get(msg.id)?.(msg.result)
      pending.delete(msg.id)
    } else if (msg.type === 'event') win?.webContents.send('ledger:event', msg.event)
    else if (msg.type === 'fatal') {
      dialog.showErrorBox('乡镇帮扶台账', msg.message)
      app.quit()
    }
  })
  core.on('exit', (code) => {
    core = null
    for (const [id, resolve] of pending) {
      resolve({ ok: false, error: { code: 'core_crashed', message: `后台进程意外退出（代码 ${code}），操作未完成，已自动重启。请重试。` } })
      pending.delete(id)
    }
    if (!quitting) {
      startCore()
      win?.webContents.send('ledger:event', { type: 'core.restarted' })
    }
  })
  const init: ToCore = { type: 'init', dbPath, appVersion: app.getVersion() }
  core.postMessage(init)
}

/** Sends one request to the core and waits for its answer. */
function ask(message: DistributiveOmit<ToCore, 'id'>): Promise<Result<unknown>> {
  if (!core) return Promise.resolve({ ok: false, error: { code: 'not_ready', message: '后台进程未就绪，请稍候再试。' } })
  const id = nextId++
  return new Promise<Result<unknown>>((resolve) => {
    pending.set(id, resolve)
    core!.postMessage({ ...message, id } as ToCore)
  })
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'forbidden', message: '拒绝来自外部页面的请求。' } }

ipcMain.handle('ledger:invoke', (event, name: unknown, input: unknown) => {
  if (!isTrustedUrl(event.senderFrame?.url ?? '')) return FORBIDDEN
  if (typeof name !== 'string') return { ok: false, error: { code: 'invalid_input', message: '操作名不正确。' } }
  return ask({ type: 'invoke', name, input })
})

ipcMain.handle('ledger:pick-file', async (event, options: { title?: unknown; extensions?: unknown }) => {
  if (!isTrustedUrl(event.senderFrame?.url ?? '') || !win) return FORBIDDEN
  const extensions = Array.isArray(options?.extensions) ? options.extensions.filter((e): e is string => typeof e === 'string') : []
  const picked = await dialog.showOpenDialog(win, {
    title: typeof options?.title === 'string' ? options.title : '选择文件',
    properties: ['openFile'],
    filters: extensions.length ? [{ name: extensions.join(', '), extensions }] : [],
  })
  if (picked.canceled || !picked.filePaths[0]) return { ok: true, value: null }
  return ask({ type: 'register-file', path: picked.filePaths[0] })
})

ipcMain.handle('ledger:save-file', async (event, fileId: unknown, suggestedName: unknown) => {
  if (!isTrustedUrl(event.senderFrame?.url ?? '') || !win || typeof fileId !== 'string') return FORBIDDEN
  const source = await ask({ type: 'resolve-file', fileId })
  if (!source.ok) return source
  const target = await dialog.showSaveDialog(win, { defaultPath: typeof suggestedName === 'string' ? suggestedName : undefined })
  if (target.canceled || !target.filePath) return { ok: true, value: false }
  try {
    await fs.promises.copyFile(source.value as string, target.filePath)
    return { ok: true, value: true }
  } catch (err) {
    return { ok: false, error: { code: 'save_failed', message: `无法保存到「${target.filePath}」：${(err as Error).message}。请换一个位置（例如桌面）再试。` } }
  }
})

ipcMain.handle('ledger:save-pdf', async (event, suggestedName: unknown) => {
  if (!isTrustedUrl(event.senderFrame?.url ?? '') || !win) return FORBIDDEN
  const name = typeof suggestedName === 'string' && suggestedName ? suggestedName : '表单.pdf'
  const target = await dialog.showSaveDialog(win, { defaultPath: name, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
  if (target.canceled || !target.filePath) return { ok: true, value: false }
  try {
    // The page's own @page rules decide the paper (A4, portrait or landscape) and the margins.
    const pdf = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true })
    await fs.promises.writeFile(target.filePath, pdf)
    return { ok: true, value: true }
  } catch (err) {
    return { ok: false, error: { code: 'save_failed', message: `无法保存 PDF 到「${target.filePath}」：${(err as Error).message}。请换一个位置（例如桌面）再试。` } }
  }
})

const RENDERER_INDEX = path.join(__dirname, '../renderer/index.html')

/** Only the app's own page (not any file:// page) may call the core. */
function isTrustedUrl(url: string): boolean {
  return isTrustedPage(url, { indexFile: RENDERER_INDEX, devServer: process.env.ELECTRON_RENDERER_URL })
}

let quitting = false
app.on('before-quit', () => {
  quitting = true
})

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore()
    win.focus()
  }
})

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (e) => e.preventDefault())
  contents.on('will-attach-webview', (e) => e.preventDefault())
  // The app opens no other windows and shows no remote content.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  startCore()
  win = new BrowserWindow({
    width: 1360,
    height: 860,
    title: '乡镇帮扶台账',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // A middle click must not open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  win.once('ready-to-show', () => win?.show())
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void win.loadFile(RENDERER_INDEX)
})

app.on('window-all-closed', () => app.quit())
