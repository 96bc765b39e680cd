/**
 * Where the ledger lives by default: the OS user-data folder, computed the
 * same way Electron does so the desktop app and the browser host share it.
 */
import os from 'node:os'
import path from 'node:path'

export const APP_DIR_NAME = 'TownshipLedger'

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.TOWNSHIP_LEDGER_HOME) return env.TOWNSHIP_LEDGER_HOME
  const home = os.homedir()
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME)
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME)
}

export function defaultDbPath(): string {
  return path.join(userDataDir(), 'ledger.sqlite')
}
