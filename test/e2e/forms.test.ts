import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { maskIdNumber } from '../../shared/domain/id-number'
import { openApp, resultsDir, screenshot, type App } from './harness'

let app: App
let page: Page

beforeAll(async () => {
  app = await openApp('forms')
  page = app.page
  await page.goto(app.host.url)
  await page.getByRole('button', { name: '载入示例乡镇' }).click()
  await page.getByText(/台账中有示例数据/).waitFor({ timeout: 30_000 })
})

afterAll(() => app?.close())

const pdf = async (name: string) => {
  const file = path.join(resultsDir, `${name}.pdf`)
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  // A PNG of the first page, to look at.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(resultsDir, name)])
  return {
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]),
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
  }
}

describe('户卡 (household cards)', () => {
  it('prints chosen households one per A4 page with their members (ID numbers masked), pages numbered per card and an embedded CJK font', async () => {
    const households = app.query<{ id: number; household_no: string }>('SELECT id, household_no FROM households ORDER BY id LIMIT 3')
    const members = app.query<{ household_id: number; name: string; id_number: string }>(
      `SELECT household_id, name, id_number FROM members WHERE household_id IN (${households.map((h) => h.id).join(',')})`,
    )
    await page.goto(`${app.host.url.replace(/#.*$/, '')}#/print/cards/${households.map((h) => h.id).join(',')}`)
    await expect.poll(() => page.locator('section.print-card').count()).toBe(3)
    await screenshot(page, 'forms-01-cards-preview')
    const out = await pdf('forms-household-cards')
    expect(out.pages).toBe(3)
    for (const h of households) expect(out.text).toContain(h.household_no)
    for (const m of members) {
      expect(out.text).toContain(m.name)
      // Masked like the lists unless full numbers are chosen on the print page.
      expect(out.text).toContain(maskIdNumber(m.id_number))
      expect(out.text).not.toContain(m.id_number)
    }
    expect(out.text).toContain('示例县示例镇建档立卡户户卡')
    // pdftotext drops the spaces between CJK characters.
    const compact = out.text.replace(/\s+/g, '')
    // Each card is numbered on its own and names its household; no 第 x 页 共 3 页 across the batch.
    expect(compact.split('第1页共1页').length - 1).toBe(3)
    expect(compact).not.toContain('共3页')
    expect(compact).toContain('（第3户，共3户）')
    // A CJK font embedded (the 宋体-style AR PL UMing here; SimSun on Windows).
    expect(out.fonts).toMatch(/^\S*(UMing|SimSun|CJK|WenQuanYi)\S*\s+CID TrueType\s+Identity-H\s+yes/m)
  })

  it('prints the cards of the list\'s current filter as one batch', async () => {
    await page.goto(app.host.url.replace(/#.*$/, '') + '#/')
    await page.getByLabel('行政村').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '石桥村' }).click()
    await page.getByLabel('脱贫状态').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '返贫' }).click()
    const expected = app.query<{ n: number }>(
      "SELECT count(*) AS n FROM households h JOIN villages v ON v.id = h.village_id WHERE v.name = '石桥村' AND h.exit_status = '返贫'",
    )[0]!.n
    await page.getByText(`共 ${expected} 户`).waitFor()
    await page.getByRole('button', { name: /打印户卡/ }).click()
    await expect.poll(() => page.locator('section.print-card').count()).toBe(expected)
    const out = await pdf('forms-household-cards-batch')
    expect(out.pages).toBe(expected)
    const compact = out.text.replace(/\s+/g, '')
    expect(compact.split('第1页共1页').length - 1).toBe(expected)
    expect(compact).toContain(`（第${expected}户，共${expected}户）`)
  })
})
