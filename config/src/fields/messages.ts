/** zh-CN messages shared by every field type, phrased as GOV.UK's error-message guidance asks. */
export const fieldMessages = {
  required: (label: string) => `请输入${label}`,
  choose: (label: string) => `请选择${label}`,
  chooseAtLeastOne: (label: string) => `请至少选择一项${label}`,
  tooLong: (label: string, max: number) => `${label}不能超过${max}个字`,
  wrongType: (label: string) => `${label}的格式不正确`,
  controlCharacters: (label: string) => `${label}含有无法识别的字符，请删除后重新输入`,
  unknownOption: (label: string) => `请从列表中选择${label}`,
  date: (label: string) => `${label}应为有效日期，如 2026-09-01`,
  consent: '请阅读并勾选同意后再继续',
  rowCount: (noun: string, min: number, max: number) => `请填写${min}至${max}个${noun}`,
  endBeforeStart: (period: string) => `${period}结束日期不能早于开始日期`,
  duplicateRow: (noun: string, value: string) => `${noun} ${value} 重复填写`,
} as const;
