/**
 * Fictional projects of the demo township: a dozen projects across the demo
 * villages and years, with budget lines by source, disbursements, 绩效目标,
 * milestones (accepted and handed over, one failed acceptance, one lagging),
 * beneficiary households and the assets they leave; plus aid items of the
 * demo assisting unit so the 帮扶单位交接表 has all three blocks.
 * Households are named by their village and position; the loader maps them to ids.
 */

/** The demo assisting unit: obtained fiscal funds for 南坪村, paid into its projects and helped its households. */
export const DEMO_UNIT = '示例市农业农村局'
/** A second unit with its own money in one project. */
export const DEMO_UNIT_2 = '示例县供销合作社'

type Milestone = { kind: string; date: string; result?: '合格' | '不合格'; winner?: string; note?: string }
type Asset = {
  no: string
  name: string
  category: '经营性' | '公益性' | '到户类'
  quantity: string
  unit: string
  yuan: number
  built: string
  location: string
  owner: string
  operator?: string
  custodian: string
  custodianPerson: string
  income?: string
  /** 到户类: the position of the household among the project's beneficiaries. */
  beneficiary?: number
}

export interface DemoProject {
  no: string
  name: string
  category: string
  nature: string
  year: string
  /** Index into the demo villages. */
  village: number
  location: string
  content: string
  plannedStart: string
  plannedEnd: string
  implementer: string
  responsibleUnit: string
  responsiblePerson: string
  responsiblePhone: string
  assistingUnit?: string
  farmerLink: string
  /** 监理单位, where the project had one. */
  supervisor?: string
  /** [source, 元, unit name] */
  budget: [string, number, string?][]
  /** Share of the budget paid out, in percent, in one or two batches. */
  paidPercent: number
  settlementYuan?: number
  indicators: [string, string, string, string, string, string][]
  milestones: Milestone[]
  progress?: { date: string; percent: number; investedYuan: number; lagReason?: string }[]
  /** How many of the village's households benefit (from the first one on). */
  beneficiaries: number
  /** Start position among the village's households (so projects reach different households). */
  beneficiaryOffset: number
  assets: Asset[]
  acceptanceChecks?: string
  acceptanceOpinion?: string
  rectification?: string
  handoverNote?: string
}

const CHECKS =
  '1. 对照批复核查建设内容、规模和数量；2. 核查各来源资金到位和使用情况；3. 查阅报账凭证和拨付资料；4. 核查项目公示、公告张贴情况及现场公示牌。'

const satisfaction = (target = '≥90', actual = '96'): [string, string, string, string, string, string] => [
  '满意度指标',
  '受益对象满意度',
  '受益群众满意度',
  target,
  '%',
  actual,
]

export const DEMO_PROJECTS: DemoProject[] = [
  {
    no: 'SL4199-2021-001',
    name: '南坪村产业路硬化工程',
    category: '基础设施',
    nature: '新建',
    year: '2021',
    village: 5,
    location: '南坪村1组至3组',
    content: '新建水泥硬化产业路2.3公里，路面宽4.5米，厚0.18米，配套排水边沟2.3公里。',
    plannedStart: '2021-04-01',
    plannedEnd: '2021-10-31',
    implementer: '示例镇人民政府',
    responsibleUnit: '示例县交通运输局',
    responsiblePerson: '周建国',
    responsiblePhone: '13800001111',
    assistingUnit: DEMO_UNIT,
    supervisor: '示例县建设工程监理有限公司',
    farmerLink: '改善产业发展条件，降低农产品运输成本，带动脱贫户发展种植业增收。',
    budget: [
      ['中央衔接资金', 600000],
      ['省级衔接资金', 200000],
      ['县级', 100000],
      ['帮扶单位资金', 50000, DEMO_UNIT],
      ['群众自筹', 20000],
    ],
    paidPercent: 100,
    settlementYuan: 958600,
    indicators: [
      ['产出指标', '数量指标', '硬化道路长度', '2.3', '公里', '2.3'],
      ['产出指标', '质量指标', '工程验收合格率', '100', '%', '100'],
      ['效益指标', '经济效益', '受益户年均节约运输成本', '≥300', '元', '350'],
      satisfaction(),
    ],
    milestones: [
      { kind: '申报', date: '2020-10-15' },
      { kind: '入库', date: '2020-12-20' },
      { kind: '批复', date: '2021-03-10' },
      { kind: '招标', date: '2021-03-28', winner: '示例县路桥工程有限公司' },
      { kind: '开工', date: '2021-04-06' },
      { kind: '竣工', date: '2021-10-20' },
      { kind: '验收', date: '2021-11-15', result: '合格' },
      { kind: '资产移交', date: '2021-12-10' },
    ],
    beneficiaries: 40,
    beneficiaryOffset: 0,
    assets: [
      {
        no: 'ZC-2021-001',
        name: '南坪村产业路',
        category: '公益性',
        quantity: '2.3',
        unit: '公里',
        yuan: 958600,
        built: '2021-10-20',
        location: '南坪村1组至3组',
        owner: '南坪村股份经济合作社',
        custodian: '南坪村村民委员会',
        custodianPerson: '王志强',
        income: '公益性资产，不产生收益',
      },
    ],
    acceptanceChecks: CHECKS,
    acceptanceOpinion: '项目按批复内容完成建设，工程质量符合设计要求，资金使用规范，公示到位，同意通过验收。',
    handoverNote: '道路移交南坪村村委会管护，村里落实护路员一名，费用从村集体收益中列支。',
  },
  {
    no: 'SL4199-2022-001',
    name: '南坪村村级光伏电站',
    category: '产业发展',
    nature: '新建',
    year: '2022',
    village: 5,
    location: '南坪村2组后山坡',
    content: '建设村级光伏电站一座，装机容量100千瓦，并网发电。',
    plannedStart: '2022-03-01',
    plannedEnd: '2022-08-31',
    implementer: '示例镇人民政府',
    responsibleUnit: '示例县发展和改革局',
    responsiblePerson: '李明华',
    responsiblePhone: '13800002222',
    assistingUnit: DEMO_UNIT,
    farmerLink: '电站收益归村集体，主要用于设置公益岗位和奖补，带动脱贫户和监测户增收。',
    budget: [
      ['中央衔接资金', 300000],
      ['帮扶单位资金', 150000, DEMO_UNIT],
    ],
    paidPercent: 100,
    settlementYuan: 446000,
    indicators: [
      ['产出指标', '数量指标', '装机容量', '100', '千瓦', '100'],
      ['效益指标', '经济效益', '年发电收益', '≥4', '万元', '4.6'],
      ['效益指标', '社会效益', '设置公益岗位', '≥6', '个', '8'],
      satisfaction(),
    ],
    milestones: [
      { kind: '入库', date: '2021-12-01' },
      { kind: '批复', date: '2022-02-15' },
      { kind: '开工', date: '2022-03-12' },
      { kind: '竣工', date: '2022-08-20' },
      { kind: '验收', date: '2022-09-10', result: '合格' },
      { kind: '资产移交', date: '2022-09-30' },
    ],
    beneficiaries: 30,
    beneficiaryOffset: 10,
    assets: [
      {
        no: 'ZC-2022-001',
        name: '南坪村100千瓦光伏电站',
        category: '经营性',
        quantity: '100',
        unit: '千瓦',
        yuan: 446000,
        built: '2022-08-20',
        location: '南坪村2组后山坡',
        owner: '南坪村股份经济合作社',
        operator: '南坪村股份经济合作社',
        custodian: '南坪村村民委员会',
        custodianPerson: '王志强',
        income: '收益的80%用于公益岗位工资和奖补，20%用于电站运维和村集体公益事业',
      },
    ],
    acceptanceChecks: CHECKS,
    acceptanceOpinion: '电站已并网发电，设备型号和容量与批复一致，资金到位使用规范，同意通过验收。',
    handoverNote: '电站移交南坪村股份经济合作社经营，收益分配方案经村民代表大会通过后执行。',
  },
  {
    no: 'SL4199-2022-002',
    name: '石桥村肉牛养殖到户补助',
    category: '产业发展',
    nature: '新建',
    year: '2022',
    village: 1,
    location: '石桥村',
    content: '对发展肉牛养殖的脱贫户按每头能繁母牛5000元补助，共补助24头。',
    plannedStart: '2022-04-01',
    plannedEnd: '2022-09-30',
    implementer: '石桥村村民委员会',
    responsibleUnit: '示例县农业农村局',
    responsiblePerson: '张德胜',
    responsiblePhone: '13800003333',
    farmerLink: '直接补助到户，带动脱贫户发展肉牛养殖，户均年增收3000元以上。',
    budget: [
      ['县级', 120000],
      ['群众自筹', 36000],
    ],
    paidPercent: 100,
    settlementYuan: 156000,
    indicators: [
      ['产出指标', '数量指标', '补助能繁母牛', '24', '头', '24'],
      ['效益指标', '经济效益', '户均年增收', '≥3000', '元', '3400'],
      satisfaction('≥90', '98'),
    ],
    milestones: [
      { kind: '批复', date: '2022-03-20' },
      { kind: '开工', date: '2022-04-10' },
      { kind: '竣工', date: '2022-09-15' },
      { kind: '验收', date: '2022-10-12', result: '合格' },
      { kind: '资产移交', date: '2022-10-28' },
    ],
    beneficiaries: 4,
    beneficiaryOffset: 0,
    assets: [0, 1, 2, 3].map((i) => ({
      no: `ZC-2022-01${i + 1}`,
      name: '能繁母牛',
      category: '到户类' as const,
      quantity: '6',
      unit: '头',
      yuan: 30000,
      built: '2022-09-15',
      location: '石桥村',
      owner: '受益户',
      operator: '受益户',
      custodian: '受益户',
      custodianPerson: '户主',
      income: '收益归受益户所有',
      beneficiary: i,
    })),
    acceptanceChecks: CHECKS,
    acceptanceOpinion: '补助对象经村民代表评议并公示，母牛均已到户并耳标登记，同意通过验收。',
  },
  {
    no: 'SL4199-2023-001',
    name: '柳河村安全饮水巩固提升工程',
    category: '基础设施',
    nature: '改建',
    year: '2023',
    village: 2,
    location: '柳河村全村',
    content: '新建50立方米蓄水池1座，更换供水主管道3.2公里，入户管网改造120户。',
    plannedStart: '2023-03-01',
    plannedEnd: '2023-08-31',
    implementer: '示例镇人民政府',
    responsibleUnit: '示例县水利局',
    responsiblePerson: '刘桂兰',
    responsiblePhone: '13800004444',
    farmerLink: '巩固提升农村供水保障水平，受益群众全部为本村农户。',
    budget: [
      ['省级衔接资金', 400000],
      ['县级', 80000],
    ],
    paidPercent: 70,
    settlementYuan: 472000,
    indicators: [
      ['产出指标', '数量指标', '新建蓄水池', '1', '座', '1'],
      ['产出指标', '数量指标', '入户管网改造', '120', '户', '112'],
      ['效益指标', '社会效益', '供水保证率', '≥95', '%', '90'],
      satisfaction('≥90', '85'),
    ],
    milestones: [
      { kind: '批复', date: '2023-02-10' },
      { kind: '招标', date: '2023-02-26', winner: '示例县水利建设有限公司' },
      { kind: '开工', date: '2023-03-08' },
      { kind: '竣工', date: '2023-08-25' },
      { kind: '验收', date: '2023-09-20', result: '不合格', note: '入户管网尚有8户未完成改造，蓄水池渗漏，限期整改后重新验收。' },
    ],
    beneficiaries: 30,
    beneficiaryOffset: 0,
    assets: [],
    acceptanceChecks: CHECKS,
    acceptanceOpinion: '项目主体工程已完工，但入户管网改造数量未达到批复要求，蓄水池存在渗漏，暂不予通过验收。',
    rectification: '1. 2023年10月31日前完成剩余8户入户管网改造；2. 对蓄水池进行防渗处理并做满水试验；3. 整改完成后由实施单位书面申请重新验收，剩余资金待验收合格后拨付。',
  },
  {
    no: 'SL4199-2023-002',
    name: '杏花村杏果冷藏库建设',
    category: '产业发展',
    nature: '新建',
    year: '2023',
    village: 3,
    location: '杏花村村委会西侧',
    content: '新建保鲜冷藏库一座，库容500吨，配套分拣车间200平方米。',
    plannedStart: '2023-04-01',
    plannedEnd: '2023-10-31',
    implementer: '杏花村股份经济合作社',
    responsibleUnit: '示例县农业农村局',
    responsiblePerson: '陈永福',
    responsiblePhone: '13800005555',
    farmerLink: '冷库租赁收益按股分红，优先吸纳脱贫户务工，带动杏果错峰销售。',
    budget: [
      ['中央衔接资金', 500000],
      ['群众自筹', 30000],
    ],
    paidPercent: 100,
    settlementYuan: 521800,
    indicators: [
      ['产出指标', '数量指标', '冷藏库库容', '500', '吨', '500'],
      ['效益指标', '经济效益', '村集体年增收', '≥3', '万元', '3.5'],
      satisfaction(),
    ],
    milestones: [
      { kind: '批复', date: '2023-03-15' },
      { kind: '开工', date: '2023-04-18' },
      { kind: '竣工', date: '2023-10-10' },
      { kind: '验收', date: '2023-11-02', result: '合格' },
      { kind: '资产移交', date: '2023-11-20' },
    ],
    beneficiaries: 25,
    beneficiaryOffset: 0,
    assets: [
      {
        no: 'ZC-2023-001',
        name: '杏果保鲜冷藏库',
        category: '经营性',
        quantity: '500',
        unit: '吨',
        yuan: 462000,
        built: '2023-10-10',
        location: '杏花村村委会西侧',
        owner: '杏花村股份经济合作社',
        operator: '示例县杏福果业专业合作社',
        custodian: '杏花村股份经济合作社',
        custodianPerson: '陈永福',
        income: '租金收益的60%用于脱贫户和监测户分红，40%留作村集体发展资金',
      },
      {
        no: 'ZC-2023-002',
        name: '杏果分拣车间',
        category: '经营性',
        quantity: '200',
        unit: '平方米',
        yuan: 59800,
        built: '2023-10-10',
        location: '杏花村村委会西侧',
        owner: '杏花村股份经济合作社',
        operator: '示例县杏福果业专业合作社',
        custodian: '杏花村股份经济合作社',
        custodianPerson: '陈永福',
        income: '与冷藏库合并计收租金',
      },
    ],
    acceptanceChecks: CHECKS,
    acceptanceOpinion: '冷藏库及分拣车间按批复建成并试运行正常，资产登记清楚，同意通过验收。',
    handoverNote: '资产确权至杏花村股份经济合作社，委托示例县杏福果业专业合作社经营，租期五年。',
  },
  {
    no: 'SL4199-2024-001',
    name: '东岭村雨露计划职业教育补助',
    category: '教育',
    nature: '其他',
    year: '2024',
    village: 4,
    location: '东岭村',
    content: '对接受中高职教育的脱贫家庭学生每人每学期补助1500元。',
    plannedStart: '2024-03-01',
    plannedEnd: '2024-12-31',
    implementer: '示例镇人民政府',
    responsibleUnit: '示例县乡村振兴局',
    responsiblePerson: '杨秀英',
    responsiblePhone: '13800006666',
    farmerLink: '补助资金直接发放到学生家庭“一卡通”。',
    budget: [['中央衔接资金', 45000]],
    paidPercent: 100,
    settlementYuan: 45000,
    indicators: [
      ['产出指标', '数量指标', '补助学生人次', '30', '人次', '30'],
      ['效益指标', '社会效益', '受助学生巩固率', '100', '%', '100'],
      satisfaction('≥95', '100'),
    ],
    milestones: [
      { kind: '批复', date: '2024-02-20' },
      { kind: '开工', date: '2024-03-05' },
      { kind: '竣工', date: '2024-12-10' },
      { kind: '验收', date: '2024-12-20', result: '合格' },
    ],
    beneficiaries: 15,
    beneficiaryOffset: 0,
    assets: [],
    acceptanceChecks: CHECKS,
    acceptanceOpinion: '补助对象符合条件，资金已足额发放到户，同意通过验收。',
  },
  {
    no: 'SL4199-2024-002',
    name: '东岭村村内道路亮化工程',
    category: '乡村建设行动',
    nature: '新建',
    year: '2024',
    village: 4,
    location: '东岭村主干道',
    content: '安装太阳能路灯60盏，灯杆高6米。',
    plannedStart: '2024-04-01',
    plannedEnd: '2024-07-31',
    implementer: '东岭村村民委员会',
    responsibleUnit: '示例县住房和城乡建设局',
    responsiblePerson: '赵海涛',
    responsiblePhone: '13800007777',
    assistingUnit: DEMO_UNIT_2,
    farmerLink: '改善村内出行条件，群众投工投劳参与安装。',
    budget: [
      ['省级衔接资金', 180000],
      ['帮扶单位资金', 20000, DEMO_UNIT_2],
      ['投工投劳', 6000],
    ],
    paidPercent: 100,
    settlementYuan: 203500,
    indicators: [
      ['产出指标', '数量指标', '安装路灯', '60', '盏', '60'],
      ['产出指标', '时效指标', '完工时间', '2024年7月底前', '', '2024年7月'],
      satisfaction(),
    ],
    milestones: [
      { kind: '批复', date: '2024-03-18' },
      { kind: '开工', date: '2024-04-08' },
      { kind: '竣工', date: '2024-07-12' },
      { kind: '验收', date: '2024-08-06', result: '合格' },
      { kind: '资产移交', date: '2024-08-20' },
    ],
    beneficiaries: 35,
    beneficiaryOffset: 0,
    assets: [
      {
        no: 'ZC-2024-001',
        name: '太阳能路灯',
        category: '公益性',
        quantity: '60',
        unit: '盏',
        yuan: 203500,
        built: '2024-07-12',
        location: '东岭村主干道',
        owner: '东岭村股份经济合作社',
        custodian: '东岭村村民委员会',
        custodianPerson: '赵海涛',
        income: '公益性资产，不产生收益',
      },
    ],
    acceptanceChecks: CHECKS,
    acceptanceOpinion: '路灯安装数量、规格符合批复，亮灯率100%，同意通过验收。',
  },
  {
    no: 'SL4199-2024-003',
    name: '杏花村危房改造补助',
    category: '生活条件改善',
    nature: '改建',
    year: '2024',
    village: 3,
    location: '杏花村',
    content: '对3户C级、D级危房户实施改造，每户补助3万元。',
    plannedStart: '2024-05-01',
    plannedEnd: '2024-10-31',
    implementer: '杏花村村民委员会',
    responsibleUnit: '示例县住房和城乡建设局',
    responsiblePerson: '黄丽娟',
    responsiblePhone: '13800008888',
    farmerLink: '补助直接到户，保障住房安全。',
    budget: [['县级', 90000]],
    paidPercent: 100,
    settlementYuan: 90000,
    indicators: [
      ['产出指标', '数量指标', '改造危房', '3', '户', '3'],
      ['效益指标', '社会效益', '住房安全有保障', '100', '%', '100'],
      satisfaction('≥95', '100'),
    ],
    milestones: [
      { kind: '批复', date: '2024-04-20' },
      { kind: '开工', date: '2024-05-06' },
      { kind: '竣工', date: '2024-10-15' },
      { kind: '验收', date: '2024-10-30', result: '合格' },
      { kind: '资产移交', date: '2024-11-10' },
    ],
    beneficiaries: 3,
    beneficiaryOffset: 5,
    assets: [0, 1, 2].map((i) => ({
      no: `ZC-2024-01${i + 1}`,
      name: '改造住房',
      category: '到户类' as const,
      quantity: '1',
      unit: '套',
      yuan: 30000,
      built: '2024-10-15',
      location: '杏花村',
      owner: '受益户',
      operator: '受益户',
      custodian: '受益户',
      custodianPerson: '户主',
      income: '归受益户自用',
      beneficiary: i,
    })),
    acceptanceChecks: CHECKS,
    acceptanceOpinion: '3户危房均已改造完成，经鉴定达到安全标准，同意通过验收。',
  },
  {
    no: 'SL4199-2025-001',
    name: '石桥村农产品初加工车间',
    category: '产业发展',
    nature: '新建',
    year: '2025',
    village: 1,
    location: '石桥村3组',
    content: '新建农产品初加工车间600平方米，购置清洗、烘干设备各一套。',
    plannedStart: '2025-04-01',
    plannedEnd: '2025-10-31',
    implementer: '示例镇人民政府',
    responsibleUnit: '示例县农业农村局',
    responsiblePerson: '吴春花',
    responsiblePhone: '13800009999',
    farmerLink: '车间建成后出租，租金用于脱贫户分红，优先吸纳本村脱贫劳动力务工。',
    budget: [
      ['中央衔接资金', 350000],
      ['县级', 50000],
    ],
    paidPercent: 40,
    indicators: [
      ['产出指标', '数量指标', '新建车间面积', '600', '平方米', ''],
      ['效益指标', '经济效益', '带动务工人数', '≥15', '人', ''],
      satisfaction('≥90', ''),
    ],
    milestones: [
      { kind: '批复', date: '2025-03-10' },
      { kind: '招标', date: '2025-03-25', winner: '示例县建工集团有限公司' },
      { kind: '开工', date: '2025-04-15' },
    ],
    progress: [
      { date: '2025-07-31', percent: 30, investedYuan: 120000 },
      { date: '2025-11-30', percent: 45, investedYuan: 180000, lagReason: '雨季持续时间长，钢结构材料到货延迟，施工单位已增加作业班组。' },
    ],
    beneficiaries: 20,
    beneficiaryOffset: 10,
    assets: [],
  },
  {
    no: 'SL4199-2025-002',
    name: '南坪村高标准农田水利配套',
    category: '基础设施',
    nature: '新建',
    year: '2025',
    village: 5,
    location: '南坪村4组',
    content: '新建灌溉渠道1.8公里，机耕桥2座，提灌站1座。',
    plannedStart: '2025-10-01',
    plannedEnd: '2026-12-31',
    implementer: '示例镇人民政府',
    responsibleUnit: '示例县水利局',
    responsiblePerson: '孙玉梅',
    responsiblePhone: '13900001111',
    assistingUnit: DEMO_UNIT,
    farmerLink: '改善灌溉条件，受益农田800亩。',
    budget: [
      ['中央衔接资金', 250000],
      ['县级', 50000],
    ],
    paidPercent: 30,
    indicators: [
      ['产出指标', '数量指标', '新建灌溉渠道', '1.8', '公里', ''],
      ['效益指标', '经济效益', '受益农田面积', '800', '亩', ''],
      satisfaction('≥90', ''),
    ],
    milestones: [
      { kind: '批复', date: '2025-09-01' },
      { kind: '开工', date: '2025-10-12' },
    ],
    progress: [{ date: '2026-06-30', percent: 55, investedYuan: 160000 }],
    beneficiaries: 45,
    beneficiaryOffset: 0,
    assets: [],
  },
  {
    no: 'SL4199-2025-003',
    name: '柳河村就业帮扶车间',
    category: '就业项目',
    nature: '新建',
    year: '2025',
    village: 2,
    location: '柳河村原小学旧址',
    content: '改造旧校舍800平方米为手工编织帮扶车间，购置设备40台。',
    plannedStart: '2025-03-01',
    plannedEnd: '2025-08-31',
    implementer: '柳河村股份经济合作社',
    responsibleUnit: '示例县人力资源和社会保障局',
    responsiblePerson: '徐文斌',
    responsiblePhone: '13900002222',
    farmerLink: '车间吸纳脱贫劳动力就近就业，按件计酬，人均月增收1500元。',
    budget: [
      ['中央衔接资金', 200000],
      ['帮扶单位资金', 30000, DEMO_UNIT_2],
    ],
    paidPercent: 100,
    settlementYuan: 226300,
    indicators: [
      ['产出指标', '数量指标', '改造车间面积', '800', '平方米', '800'],
      ['效益指标', '社会效益', '吸纳脱贫劳动力就业', '≥30', '人', '34'],
      satisfaction(),
    ],
    milestones: [
      { kind: '批复', date: '2025-02-18' },
      { kind: '开工', date: '2025-03-06' },
      { kind: '竣工', date: '2025-08-22' },
      { kind: '验收', date: '2025-09-15', result: '合格' },
      { kind: '资产移交', date: '2025-09-30' },
    ],
    beneficiaries: 20,
    beneficiaryOffset: 20,
    assets: [
      {
        no: 'ZC-2025-001',
        name: '就业帮扶车间（含设备）',
        category: '经营性',
        quantity: '800',
        unit: '平方米',
        yuan: 226300,
        built: '2025-08-22',
        location: '柳河村原小学旧址',
        owner: '柳河村股份经济合作社',
        operator: '示例县巧手编织有限公司',
        custodian: '柳河村股份经济合作社',
        custodianPerson: '徐文斌',
        income: '租金收益全部用于村内脱贫户和监测户帮扶',
      },
    ],
    acceptanceChecks: CHECKS,
    acceptanceOpinion: '车间改造和设备购置按批复完成，已投入使用，同意通过验收。',
  },
  {
    no: 'SL4199-2027-001',
    name: '东岭村中药材种植基地配套',
    category: '产业发展',
    nature: '新建',
    year: '2027',
    village: 4,
    location: '东岭村2组',
    content: '建设中药材种植基地滴灌设施300亩，生产便道1.2公里。',
    plannedStart: '2027-03-01',
    plannedEnd: '2027-09-30',
    implementer: '示例镇人民政府',
    responsibleUnit: '示例县农业农村局',
    responsiblePerson: '胡小燕',
    responsiblePhone: '13900003333',
    farmerLink: '土地流转和基地务工带动脱贫户增收。',
    budget: [
      ['中央衔接资金', 280000],
      ['县级', 40000],
    ],
    paidPercent: 0,
    indicators: [
      ['产出指标', '数量指标', '滴灌设施面积', '300', '亩', ''],
      ['效益指标', '经济效益', '带动户均增收', '≥2000', '元', ''],
      satisfaction('≥90', ''),
    ],
    milestones: [
      { kind: '申报', date: '2026-09-10' },
      { kind: '乡镇审核', date: '2026-09-25' },
      { kind: '入库', date: '2026-10-20' },
    ],
    beneficiaries: 0,
    beneficiaryOffset: 0,
    assets: [],
  },
]

/** The village the demo unit assists (南坪村): not the first village, whose first households tests use bare. */
export const DEMO_UNIT_VILLAGE = 5

/** Funds the demo unit obtained for 南坪村 (争取的资金): [date, 元, from whom, for what, project name or none]. */
export const DEMO_UNIT_OBTAINED: [string, number, string, string, string | null][] = [
  ['2021-02-25', 300000, '示例市财政局', '争取市级产业路建设补助资金', '南坪村产业路硬化工程'],
  ['2023-05-16', 200000, '示例省农业农村厅', '争取省级乡村振兴示范村奖补资金', null],
]

/** Aid of the demo unit to households of 南坪村: [date, kind, description, 元 each, how many households]. */
export const DEMO_UNIT_AID: [string, '现金' | '物资' | '服务', string, number, number][] = [
  ['2022-01-20', '物资', '春节慰问（米、面、油）', 300, 8],
  ['2023-04-12', '物资', '发放鸡苗（每户100只）', 600, 6],
  ['2024-09-01', '现金', '助学金', 1000, 3],
  ['2025-06-18', '服务', '农技培训及果树修剪服务', 200, 10],
]
