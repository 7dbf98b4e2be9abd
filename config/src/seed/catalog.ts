/** The six datasets of the seed's catalog (seeds/000_…txt §3.3, 目录), as first content. */
export const seedDatasets = [
  {
    code: 'industrial-enterprise-finance',
    name: '规模以上工业企业财务状况调查',
    years: '1998—2023',
    description: '规模以上工业企业的资产、负债、营业收入、利润等财务指标。',
  },
  {
    code: 'household-income-living',
    name: '住户收支与生活状况调查',
    years: '2013—2023',
    description: '城乡住户的收入、消费支出与生活状况。',
  },
  { code: 'census-2010', name: '第六次全国人口普查', years: '2010', description: '2010年第六次全国人口普查长表与短表抽样微观数据。' },
  { code: 'population-sample-2015', name: '2015年1%人口抽样调查', years: '2015', description: '2015年全国1%人口抽样调查微观数据。' },
  { code: 'economic-census-3', name: '第三次全国经济普查', years: '2013', description: '第三次全国经济普查法人单位与产业活动单位数据。' },
  { code: 'agricultural-census-3', name: '第三次全国农业普查', years: '2016', description: '第三次全国农业普查农业经营户与经营单位数据。' },
] as const;
