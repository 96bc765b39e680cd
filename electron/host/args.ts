/** Command-line options of the browser host: --db PATH --port N --no-open. */
export interface HostArgs {
  db?: string
  port: number
  open: boolean
}

export function parseHostArgs(argv: string[]): HostArgs {
  const args: HostArgs = { port: 0, open: true }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const value = () => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new Error(`参数 ${a} 后面需要一个值。`)
      return v
    }
    if (a === '--db') args.db = value()
    else if (a === '--port') {
      const n = Number(value())
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`端口号「${argv[i]}」不正确，应为 0–65535 之间的整数。`)
      args.port = n
    } else if (a === '--no-open') args.open = false
    else if (a === '--host') throw new Error('出于安全考虑，台账只在本机 127.0.0.1 上提供服务，不能改为其他地址。')
    else throw new Error(`不认识的参数「${a}」。可用参数：--db 文件路径  --port 端口  --no-open`)
  }
  return args
}
