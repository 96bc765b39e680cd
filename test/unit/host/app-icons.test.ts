/** The installer's icons (issue 18, item 19): present in resources/ in the sizes the targets need. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../../..')
const resources = path.join(root, 'resources')
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  expect(png.toString('ascii', 12, 16)).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

describe('application icon', () => {
  it('has a Windows .ico with 16…256 px entries, each a PNG of the size its entry states', () => {
    const ico = fs.readFileSync(path.join(resources, 'icon.ico'))
    expect(ico.readUInt16LE(0)).toBe(0)
    expect(ico.readUInt16LE(2)).toBe(1)
    const count = ico.readUInt16LE(4)
    const sizes: number[] = []
    for (let i = 0; i < count; i++) {
      const e = 6 + i * 16
      const stated = ico.readUInt8(e) || 256
      const length = ico.readUInt32LE(e + 8)
      const offset = ico.readUInt32LE(e + 12)
      const image = pngSize(ico.subarray(offset, offset + length))
      expect(image).toEqual({ width: stated, height: stated })
      sizes.push(stated)
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]))
  })

  it('has Linux PNGs: icon.png of 512 px and icons/<n>x<n>.png of their named sizes', () => {
    expect(pngSize(fs.readFileSync(path.join(resources, 'icon.png')))).toEqual({ width: 512, height: 512 })
    const files = fs.readdirSync(path.join(resources, 'icons'))
    expect(files).toEqual(expect.arrayContaining(['16x16.png', '32x32.png', '48x48.png', '128x128.png', '256x256.png', '512x512.png']))
    for (const f of files) {
      const n = Number(/^(\d+)x\1\.png$/.exec(f)?.[1])
      expect(pngSize(fs.readFileSync(path.join(resources, 'icons', f))), f).toEqual({ width: n, height: n })
    }
  })

  it('is not blank: the 256 px image holds the design, not one flat colour', () => {
    // A PNG of one colour compresses to well under 1 KB; the drawn icon does not.
    expect(fs.statSync(path.join(resources, 'icons', '256x256.png')).size).toBeGreaterThan(4000)
  })

  it('is what electron-builder.yml points the Windows, NSIS and Linux targets at', () => {
    const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')
    expect(yml).toMatch(/buildResources: resources\n/)
    const section = (name: string) => new RegExp(`^${name}:\\n((?:  .*\\n)+)`, 'm').exec(yml)?.[1] ?? ''
    expect(section('win')).toMatch(/^ {2}icon: icon\.ico$/m)
    expect(section('nsis')).toMatch(/^ {2}installerIcon: icon\.ico$/m)
    expect(section('linux')).toMatch(/^ {2}icon: icons$/m)
    expect(fs.existsSync(path.join(resources, 'icon.svg'))).toBe(true)
  })
})
