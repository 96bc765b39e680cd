/** Household and member records as they cross the API boundary. */

export interface VillageSummary {
  id: number
  county: string
  township: string
  name: string
  isDemo: boolean
  householdCount: number
  groups: { id: number; name: string }[]
}

export interface HouseholdListItem {
  id: number
  householdNo: string | null
  villageName: string
  groupName: string | null
  headName: string | null
  headIdNumber: string | null
  memberCount: number
  householdType: string | null
  exitStatus: string | null
  mainCause: string | null
  phone: string | null
  /** With a search: the members other than the 户主 whom it matched (name, relation). */
  matchedMembers?: { name: string; relation: string | null }[]
}

export interface Member {
  id: number
  personNo: string | null
  name: string
  sex: string | null
  birthDate: string | null
  idNumber: string | null
  relation: string | null
  ethnicity: string | null
  education: string | null
  schoolStatus: string | null
  health: string | null
  labourSkill: string | null
  workMonths: string | null
  seriousIllnessInsurance: string | null
  removedReason: string | null
  removedDate: string | null
  /** Where the stated 性别 / 出生日期 disagree with the ID number (checked on the full number in the core). */
  idWarnings: string[]
  /** Every roster column of the member by DB column name (the household page's edit form). */
  values: Record<string, string | number | null>
}

export interface HouseholdDetail {
  id: number
  householdNo: string | null
  county: string
  township: string
  villageId: number
  villageName: string
  groupName: string | null
  isDemo: boolean
  declaredSize: number | null
  householdType: string | null
  povertyAttribute: string | null
  identificationStandard: string | null
  mainCause: string | null
  otherCauses: string | null
  exitStatus: string | null
  exitYear: string | null
  firstIdentified: string | null
  monitoringCategory: string | null
  phone: string | null
  /** 人均纯收入 in 分 (integer). */
  perCapitaNetIncomeFen: number | null
  dilapidatedHouse: string | null
  safeDrinkingWater: string | null
  members: Member[]
  /** Every column of the household by DB column name, incl. incomes in 分 and the 两不愁三保障 checklist. */
  values: Record<string, string | number | null>
}
