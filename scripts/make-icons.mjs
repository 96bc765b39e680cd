/**
 * Renders the application icon (resources/icon.svg: a ledger book with a red seal) into the files
 * electron-builder's targets use: resources/icon.ico (Windows NSIS, 16–256 px, PNG-compressed
 * entries), resources/icon.png (512 px, Linux AppImage) and resources/icons/<n>x<n>.png (Linux
 * icon theme sizes). Uses Debian's Chromium through playwright-core, already present for the e2e
 * tests: `node scripts/make-icons.mjs` (CHROMIUM_PATH overrides /usr/bin/chromium).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const resources = path.join(root, 'resources')
const svg = fs.readFileSync(path.join(resources, 'icon.svg'), 'utf8')

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

async function render(page, size) {
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">` +
      svg.replace('<svg ', `<svg width="${size}" height="${size}" `) +
      `</body></html>`,
  )
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
}

/** An .ico whose entries are PNG images (Windows Vista and later read them; 256 px must be PNG). */
function ico(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(images.length, 4)
  const dir = Buffer.alloc(16 * images.length)
  let offset = 6 + dir.length
  images.forEach(({ size, png }, i) => {
    const e = i * 16
    dir.writeUInt8(size >= 256 ? 0 : size, e) // 0 means 256
    dir.writeUInt8(size >= 256 ? 0 : size, e + 1)
    dir.writeUInt8(0, e + 2) // no palette
    dir.writeUInt8(0, e + 3)
    dir.writeUInt16LE(1, e + 4) // colour planes
    dir.writeUInt16LE(32, e + 6) // bits per pixel
    dir.writeUInt32LE(png.length, e + 8)
    dir.writeUInt32LE(offset, e + 12)
    offset += png.length
  })
  return Buffer.concat([header, dir, ...images.map((i) => i.png)])
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--force-device-scale-factor=1'],
})
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  const pngs = new Map()
  for (const size of [...new Set([...LINUX_SIZES, ...ICO_SIZES])]) pngs.set(size, await render(page, size))
  fs.mkdirSync(path.join(resources, 'icons'), { recursive: true })
  for (const size of LINUX_SIZES) fs.writeFileSync(path.join(resources, 'icons', `${size}x${size}.png`), pngs.get(size))
  fs.writeFileSync(path.join(resources, 'icon.png'), pngs.get(512))
  fs.writeFileSync(path.join(resources, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))))
  console.log(`resources/: icon.ico (${ICO_SIZES.join(', ')} px), icon.png (512 px), icons/ (${LINUX_SIZES.join(', ')} px)`)
} finally {
  await browser.close()
}
