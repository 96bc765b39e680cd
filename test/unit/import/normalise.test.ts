import { describe, expect, it } from 'vitest'
import { idCheckChar } from '../../../shared/domain/id-number'
import {
  excelSerialToIso, formatDate, isoToExcelSerial, normaliseDate, normaliseDecimal, normaliseEnum, normaliseInt,
  normaliseMoneyFen, normalisePhone, normaliseYear, normaliseYesNo, parseYuanToFen, readIdCell,
} from '../../../shared/import/normalise'
import { makeId, withBadCheck } from './helpers'

describe('dates', () => {
  it.each([
    [43891, '2020-03-01', 'serial'],
    [new Date(Date.UTC(2016, 2, 5)), '2016-03-05', 'date'],
    ['2016.03', '2016-03', 'yyyy.mm'],
    ['2016.3', '2016-03', 'yyyy.m'],
    ['2016年3月', '2016-03', 'yyyy年m月'],
    ['2016年3月5日', '2016-03-05', 'yyyy年m月d日'],
    ['２０１６年０３月０５日', '2016-03-05', 'yyyy年mm月dd日'],
    ['201603', '2016-03', 'yyyymm'],
    [201603, '2016-03', 'yyyymm'],
    ['2016-3-1', '2016-03-01', 'yyyy-m-d'],
    ['2016-03-01', '2016-03-01', 'yyyy-mm-dd'],
    ['2016/3/1', '2016-03-01', 'yyyy/m/d'],
    ['20160301', '2016-03-01', 'yyyymmdd'],
    [20160301, '2016-03-01', 'yyyymmdd'],
    ['2016-03-01 00:00:00', '2016-03-01', 'yyyy-mm-dd'],
    ['43891', '2020-03-01', 'serial'],
    [2016, '2016', 'yyyy'],
    [2016.03, '2016-03', 'yyyy.mm'],
  ] as const)('%s → %s (%s)', (input, value, format) => {
    expect(normaliseDate(input)).toEqual({ value, format })
  })

  it('flags impossible dates and keeps the text', () => {
    expect(normaliseDate('2016年13月')).toEqual({ value: '2016年13月', problem: 'bad_date' })
    expect(normaliseDate('2015-02-29')).toEqual({ value: '2015-02-29', problem: 'bad_date' })
    expect(normaliseDate('不详')).toEqual({ value: '不详', problem: 'bad_date' })
    expect(normaliseDate(null)).toEqual({ value: null })
    expect(normaliseDate(' / ')).toEqual({ value: null })
  })

  it('flags 2016.1 in a number cell as possibly October', () => {
    expect(normaliseDate(2016.1)).toEqual({ value: '2016-01', format: 'yyyy.m', problem: 'ambiguous_date' })
  })

  it('converts Excel serials both ways around the 1900 leap-year bug', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01')
    expect(excelSerialToIso(59)).toBe('1900-02-28')
    expect(excelSerialToIso(60)).toBeNull()
    expect(excelSerialToIso(61)).toBe('1900-03-01')
    expect(excelSerialToIso(43891.75)).toBe('2020-03-01')
    expect(isoToExcelSerial('2020-03-01')).toBe(43891)
    expect(isoToExcelSerial('1900-01-01')).toBe(1)
    expect(isoToExcelSerial('1900-03-01')).toBe(61)
  })

  it('writes dates back the way the source wrote them', () => {
    expect(formatDate('2016-03-05', 'yyyy.mm.dd')).toBe('2016.03.05')
    expect(formatDate('2016-03-05', 'yyyy年m月d日')).toBe('2016年3月5日')
    expect(formatDate('2016-03', 'yyyymm')).toBe('201603')
    expect(formatDate('2016-03', 'yyyy.m')).toBe('2016.3')
    expect(formatDate('2016-03', 'yyyy-mm-dd')).toBe('2016-03')
    expect(formatDate('2016-03', 'yyyymmdd')).toBe('201603')
    expect(formatDate('2020-03-01', 'serial')).toBe(43891)
    expect(formatDate('2016-03-05', 'date')).toBe('2016-03-05')
  })

  it('reads years', () => {
    expect(normaliseYear(2016)).toEqual({ value: '2016', format: 'yyyy' })
    expect(normaliseYear('2016年')).toEqual({ value: '2016', format: 'yyyy' })
    expect(normaliseYear('２０１６年度')).toEqual({ value: '2016', format: 'yyyy' })
    expect(normaliseYear('2016.12')).toEqual({ value: '2016', format: 'yyyy' })
    expect(normaliseYear('明年')).toEqual({ value: '明年', problem: 'bad_date' })
  })
})

describe('numbers and money', () => {
  it('turns yuan into exact fen without float drift', () => {
    expect(normaliseMoneyFen('1,234.56')).toEqual({ value: 123456 })
    expect(normaliseMoneyFen('１，２３４．５６')).toEqual({ value: 123456 })
    expect(normaliseMoneyFen(1234.56)).toEqual({ value: 123456 })
    expect(normaliseMoneyFen(0.1 + 0.2)).toEqual({ value: 30 })
    expect(normaliseMoneyFen('¥3,500元')).toEqual({ value: 350000 })
    expect(normaliseMoneyFen('4500')).toEqual({ value: 450000 })
    expect(normaliseMoneyFen(' 12,345,678.9 ')).toEqual({ value: 1234567890 })
    expect(normaliseMoneyFen('-12.5')).toEqual({ value: -1250 })
    expect(normaliseMoneyFen('')).toEqual({ value: null })
  })
  it('rounds half up on the third decimal', () => {
    expect(parseYuanToFen('0.285')).toBe(29)
    expect(parseYuanToFen('0.284')).toBe(28)
    expect(parseYuanToFen('.5')).toBe(50)
    expect(parseYuanToFen('.')).toBeNull()
  })
  it('rejects what is not a number', () => {
    expect(normaliseMoneyFen('12,34')).toEqual({ value: null, problem: 'bad_number' })
    expect(normaliseMoneyFen('1.2万')).toEqual({ value: null, problem: 'bad_number' })
    expect(normaliseMoneyFen('无收入')).toEqual({ value: null, problem: 'bad_number' })
  })
  it('reads whole numbers with units and decimals as text', () => {
    expect(normaliseInt('４人')).toEqual({ value: 4 })
    expect(normaliseInt(3)).toEqual({ value: 3 })
    expect(normaliseInt('6个月')).toEqual({ value: 6 })
    expect(normaliseInt('3.0')).toEqual({ value: 3 })
    expect(normaliseInt(2.5)).toEqual({ value: null, problem: 'bad_number' })
    expect(normaliseDecimal('1,234.50')).toEqual({ value: '1234.50' })
    expect(normaliseDecimal('2.0')).toEqual({ value: '2.0' })
    expect(normaliseDecimal('３.５亩')).toEqual({ value: '3.5' })
    expect(normaliseDecimal(120)).toEqual({ value: '120' })
    expect(normaliseDecimal('很多')).toEqual({ value: '很多', problem: 'bad_number' })
  })
})

describe('enumerations', () => {
  it.each([
    ['main_cause', '缺劳动力', '缺劳力'],
    ['main_cause', '因病致贫', '因病'],
    ['main_cause', '因 残', '因残'],
    ['main_cause', '1.因学', '因学'],
    ['other_causes', '缺技术、缺资金', '缺技术,缺资金'],
    ['exit_status', '0', '未脱贫'],
    ['exit_status', 1, '已脱贫(享受政策)'],
    ['exit_status', '3', '返贫'],
    ['exit_status', '4', '已脱贫(不再享受政策)'],
    ['exit_status', '已脱贫', '已脱贫(享受政策)'],
    ['exit_status', '已脱贫（不再享受政策）', '已脱贫(不再享受政策)'],
    ['exit_status', '已脱贫不再享受政策', '已脱贫(不再享受政策)'],
    ['poverty_attribute', '01', '一般贫困户'],
    ['poverty_attribute', 2, '低保脱贫户'],
    ['poverty_attribute', '08', '低保特困供养户'],
    ['poverty_attribute', '04低保贫困户', '低保贫困户'],
    ['poverty_attribute', '一般脱贫户', '一般脱贫户'],
    ['sex', '男性', '男'],
    ['sex', '女', '女'],
    ['relation', '儿子', '之子'],
    ['relation', '子', '之子'],
    ['relation', '本人', '户主'],
    ['relation', '妻子', '配偶'],
    ['relation', '孙女', '之孙女'],
    ['health', '长期慢性病,残疾', '长期慢性病,残疾'],
    ['health', '长期慢性病，残疾', '长期慢性病,残疾'],
    ['health', '慢性病、残疾人', '长期慢性病,残疾'],
    ['health', '患大病/残疾', '患有大病,残疾'],
    ['health', '健康', '健康'],
    ['labour_skill', '弱劳动力', '弱劳动力或半劳动力'],
    ['labour_skill', '弱劳动力/半劳动力', '弱劳动力或半劳动力'],
    ['education', '文盲', '文盲或半文盲'],
    ['school_status', '初二', '八年级'],
    // Each grade as the national exports write it; older spellings kept as written.
    ['school_status', '普通高中一年级', '普通高中一年级'],
    ['school_status', '中职三年级', '中职三年级'],
    ['school_status', '技师学院四年级', '技师学院四年级'],
    ['school_status', '本科五年级', '本科五年级'],
    ['school_status', '高二', '普通高中二年级'],
    ['school_status', '小学三年级', '小学三年级'],
    ['school_status', '初中一年级', '初中一年级'],
    ['education', '中专', '中专'],
    ['school_status', '非在校生', '非在校生'],
    ['political_status', '党员', '中共党员'],
    ['identification_standard', '国家标准', '国家标准'],
    ['household_type', '监测对象', '监测户'],
    ['monitoring_category', '边缘易致贫', '边缘易致贫户'],
  ] as const)('%s: %s → %s', (field, input, value) => {
    expect(normaliseEnum(field, input)).toEqual({ value })
  })

  it('keeps unknown values as written and flags them', () => {
    expect(normaliseEnum('education', ' 扫盲班 ')).toEqual({ value: '扫盲班', problem: 'unknown_enum' })
    expect(normaliseEnum('school_status', '高中')).toEqual({ value: '高中', problem: 'unknown_enum' })
    expect(normaliseEnum('exit_status', '2')).toEqual({ value: '2', problem: 'unknown_enum' })
    expect(normaliseEnum('health', '长期慢性病,腿脚不便')).toEqual({ value: '长期慢性病,腿脚不便', problem: 'unknown_enum' })
    expect(normaliseEnum('relation', '邻居')).toEqual({ value: '邻居', problem: 'unknown_enum' })
    expect(normaliseEnum('sex', null)).toEqual({ value: null })
  })

  it.each([
    ['是', '是'], ['否', '否'], ['√', '是'], ['×', '否'], ['有', '是'], ['无', '否'],
    ['Y', '是'], ['n', '否'], ['1', '是'], ['0', '否'], [1, '是'], [0, '否'], [true, '是'], [false, '否'], ['已参加', '是'],
  ] as const)('yes/no %s → %s', (input, value) => {
    expect(normaliseYesNo(input)).toEqual({ value })
  })
  it('flags yes/no values it cannot read', () => {
    expect(normaliseYesNo('D级')).toEqual({ value: 'D级', problem: 'unknown_enum' })
    expect(normaliseYesNo(null)).toEqual({ value: null })
  })
})

describe('readIdCell', () => {
  const id = makeId('19900101', '123')

  it('accepts a valid ID and reads birth date and sex', () => {
    const r = readIdCell(id)
    expect(r.value).toBe(id)
    expect(r.problem).toBeUndefined()
    expect(r.info).toMatchObject({ kind: 'id18', birthDate: '1990-01-01', sex: '男' })
  })
  it('cleans full-width digits, spaces and a lower-case x', () => {
    let xId = makeId('19900101', '000')
    for (let s = 1; !xId.endsWith('X'); s++) xId = makeId('19900101', String(s).padStart(3, '0'))
    const typed = ` ${xId.slice(0, 6)} ${xId.slice(6, 17).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}x `
    const r = readIdCell(typed)
    expect(r.value).toBe(xId)
    expect(r.problem).toBeUndefined()
  })
  it('flags an ID typed as a number: Excel kept 15 significant digits', () => {
    const r = readIdCell(Number(id))
    expect(r.problem).toBe('id_number_cell')
    expect(r.value).toBe(`${id.slice(0, 15)}000`)
  })
  it('flags scientific notation', () => {
    expect(readIdCell('4.10102E+17')).toEqual({ value: '4.10102E+17', problem: 'scientific_notation' })
    expect(readIdCell('4.10102e17')).toEqual({ value: '4.10102E17', problem: 'scientific_notation' })
  })
  it('flags a wrong check character and lost digits', () => {
    expect(readIdCell(withBadCheck(id)).problem).toBe('bad_check_char')
    const lost = `${id.slice(0, 15)}000`
    expect(idCheckChar(lost.slice(0, 17))).not.toBe('0') // so the check fails, as it does for most
    expect(readIdCell(lost).problem).toBe('digits_lost')
  })
  it('reads an old 15-digit ID, also from a number cell (no digits lost)', () => {
    expect(readIdCell('410102900101123').info).toMatchObject({ kind: 'id15', birthDate: '1990-01-01', sex: '男' })
    expect(readIdCell(410102900101123).problem).toBeUndefined()
    expect(readIdCell(410102900101123).value).toBe('410102900101123')
  })
  it('returns null for a blank cell and bad_format for other lengths', () => {
    expect(readIdCell('  ')).toEqual({ value: null })
    expect(readIdCell('41010219900101').problem).toBe('bad_format')
  })
})

describe('normalisePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    [13812345678, '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['0371-12345678', '0371-12345678'],
    ['037112345678', '0371-12345678'],
    ['(010)12345678', '010-12345678'],
    ['13812345678/0371-1234567', '13812345678,0371-1234567'],
    ['无', null],
  ] as const)('%s → %s', (input, value) => {
    expect(normalisePhone(input)).toEqual({ value })
  })
  it('warns on numbers that are neither mobile nor landline with area code', () => {
    expect(normalisePhone('1381234567')).toEqual({ value: '1381234567', problem: 'bad_phone' })
    expect(normalisePhone('12345678')).toEqual({ value: '12345678', problem: 'bad_phone' })
    expect(normalisePhone('打不通')).toEqual({ value: '打不通', problem: 'bad_phone' })
  })
})
