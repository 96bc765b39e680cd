/**
 * `npm run cli -- <command> …`: the same core, for scripting and county batch
 * work. Exit codes: 0 success, 1 blocked by the data, 2 unusable input.
 */
import path from 'node:path'
import { version } from '../../package.json'
import { LedgerError } from '../../shared/api/result'
import { openLedger, type Ledger } from '../core/db/open'
import { exportRoster } from '../core/households/export'
import { logAccess } from '../core/households/access-log'
import { checkCommand } from './check-command'
import { importCommand } from './import-command'
import { infoCommand } from './info-command'
import { exportProjectsCommand, importProjectsCommand } from './project-command'
import { restoreCommand } from './restore-command'
import { statsCommand } from './stats-command'
import { localToday } from '../core/households'
import { defaultDbPath } from '../core/paths'
import { acquireWriterLock } from '../core/writer-lock'

interface Parsed {
  command: string | undefined
  positional: string[]
  flags: Map<string, string | true>
}

function parse(argv: string[]): Parsed {
  const flags = new Map<string, string | true>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a.startsWith('--')) {
      const next = argv[i + 1]
      if (next !== undefined && !next.startsWith('--') && ['--db', '--sheet', '--as-of'].includes(a)) {
        flags.set(a.slice(2), next)
        i++
      } else flags.set(a.slice(2), true)
    } else positional.push(a)
  }
  return { command: positional.shift(), positional, flags }
}

const USAGE = `乡镇帮扶台账 命令行 ${version}
用法：
  npm run cli -- import <花名册、国家系统表格或问题整改清单.xlsx|.xls|.csv> [--db 文件路径] [--sheet 工作表] [--dry-run] [--keep-issues] [--no-checks] [--json]
      导入花名册（按表头认出国家系统表格和问题整改清单，分别导入）。退出码：0 已导入（--dry-run 时为可以导入），1 有错误、未写入任何数据，2 文件无法读取或不是花名册
      --keep-issues：全部导入，错误记为疑点（能认出的户和人连同错误一起导入，每处错误成为「疑点核查」中对应规则的疑点；
      既没有证件号码也没有户编号的行无法认出，逐行列出、不导入）
      每次写入后随即对全部台账进行疑点核查（和界面导入一样），输出未处理和新增的疑点数；--no-checks：不核查（批量脚本可在最后运行一次 check）
  npm run cli -- export <输出.xlsx> [--db 文件路径] [--source-layout]
      导出花名册（标准格式；--source-layout 按最近导入的县里原表格式）。含完整证件号码，会记入访问日志
  npm run cli -- import-projects <项目清单.xlsx> [--db 文件路径] [--sheet 工作表] [--dry-run] [--no-checks] [--json]
      导入县里的项目清单（项目库），写入后进行疑点核查（--no-checks 不核查）。退出码：0 已导入（--dry-run 时为可以导入），1 有错误、未写入任何数据，2 文件无法读取或不是项目清单
  npm run cli -- export-projects <输出.xlsx> [--db 文件路径] [--source-layout]
      导出项目台账（标准格式：各资金来源以万元列出，含已拨付和拨付率；--source-layout 按最近导入的项目清单原表格式）
  npm run cli -- info [--db 文件路径] [--json]          显示数据库概况
  npm run cli -- check [--db 文件路径] [--as-of YYYY-MM-DD] [--json]
      疑点核查：按县级核查规则检查全部台账（年龄、监测线按核查日期计算）。--json 含完整证件号码，会记入访问日志。退出码：0 已核查（有无疑点都是 0），2 台账无法读取
  npm run cli -- stats [--db 文件路径] [--as-of 年-月-日] [--json]
      村级统计：各村总户数、总人数、脱贫户、监测对象、未消除风险、非兜底未消除风险（户/人），默认截至今天
  npm run cli -- restore [--list] [备份文件] [--db 文件路径] [--json]
      从备份恢复台账（不指定时用最新的、有数据并通过完整性检查的备份；恢复前的数据另存为备份）；--list 列出备份`

async function main(): Promise<number> {
  const { command, positional, flags } = parse(process.argv.slice(2))
  const dbFlag = flags.get('db')
  const dbPath = path.resolve(typeof dbFlag === 'string' ? dbFlag : defaultDbPath())
  if (command === 'import' || command === 'export' || command === 'info' || command === 'check' || command === 'stats' || command === 'import-projects' || command === 'export-projects' || (command === 'restore' && !flags.has('list'))) {
    const release = acquireWriterLock(dbPath, `命令行 ${command}`)
    process.on('exit', release)
  }
  /** Opens the ledger for one command and closes it whatever happens. */
  const withLedger = async (fn: (ledger: Ledger) => Promise<number> | number): Promise<number> => {
    const ledger = openLedger(dbPath)
    try {
      return await fn(ledger)
    } finally {
      await ledger.close()
    }
  }
  const file = positional[0] === undefined ? undefined : path.resolve(positional[0])
  const sheet = flags.get('sheet')
  const importOptions = { sheet: typeof sheet === 'string' ? sheet : undefined, dryRun: flags.has('dry-run'), json: flags.has('json'), keepIssues: flags.has('keep-issues'), noChecks: flags.has('no-checks') }
  switch (command) {
    case 'info':
      return withLedger((ledger) => infoCommand(ledger, dbPath, { json: flags.has('json') }))
    case 'stats': {
      const asOf = flags.get('as-of')
      if (asOf !== undefined && (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))) {
        console.error('「--as-of」应为日期 年-月-日，如 --as-of 2024-06-30。')
        return 2
      }
      return withLedger((ledger) => statsCommand(ledger, typeof asOf === 'string' ? asOf : localToday(), flags.has('json')))
    }
    case 'import-projects':
    case 'export-projects':
    case 'import':
    case 'export': {
      if (!file) {
        console.error(`缺少文件名。\n${USAGE}`)
        return 2
      }
      return withLedger(async (ledger) => {
        if (command === 'import') return importCommand(ledger, file, importOptions)
        if (command === 'import-projects') return importProjectsCommand(ledger, file, importOptions)
        if (command === 'export-projects') return exportProjectsCommand(ledger, file, { sourceLayout: flags.has('source-layout') })
        // Scripts round-trip through this file, so it carries full ID numbers: logged as such.
        const r = await exportRoster(ledger, file, { layout: flags.has('source-layout') ? 'source' : 'standard', masked: false })
        logAccess(ledger, '命令行', 'export_unmasked', `${file}：${r.households} 户 ${r.members} 人`)
        console.log(`已导出 ${r.households} 户、${r.members} 人到 ${file}`)
        return 0
      })
    }
    case 'check': {
      const asOf = flags.get('as-of')
      return checkCommand(dbPath, { asOf: typeof asOf === 'string' ? asOf : undefined, json: flags.has('json') })
    }
    case 'restore':
      return restoreCommand(dbPath, positional[0], { list: flags.has('list'), json: flags.has('json') })
    default:
      console.error(command ? `不认识的命令「${command}」。\n${USAGE}` : USAGE)
      return 2
  }
}

/**
 * Sets the exit code and lets stdout and stderr drain before the process ends:
 * process.exit() right after a large write cuts a piped report (`… --json | jq`)
 * at the pipe's buffer. Exits once both streams have handed everything over,
 * in case something else still holds the event loop open.
 */
function finish(code: number): void {
  process.exitCode = code
  let open = 2
  const flushed = () => {
    if (--open === 0) setTimeout(() => process.exit(code), 0).unref()
  }
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.destroyed || !stream.writable) flushed()
    else stream.write('', () => flushed())
  }
}

// A reader that stops early (`… | head`) is not an error of the command.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
    throw err
  })
}

main().then(finish, (err: unknown) => {
  console.error(err instanceof LedgerError ? err.message : `出错：${err instanceof Error ? err.message : String(err)}`)
  finish(2)
})
