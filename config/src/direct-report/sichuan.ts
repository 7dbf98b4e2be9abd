import { t } from '../i18n/messages.ts';

/**
 * The 21 市州 of Sichuan and some of their 县区 (GB/T 2260 codes), for the demo and the synthetic
 * datasets: the source is Sichuan's own Q&A (seeds/004).
 */
export const sichuanRegions: Array<{ code: string; name: string; counties: Array<[string, string]> }> = [
  {
    code: '510100',
    name: '成都市',
    counties: [
      ['510104', '锦江区'],
      ['510105', '青羊区'],
      ['510106', '金牛区'],
      ['510107', '武侯区'],
      ['510108', '成华区'],
      ['510112', '龙泉驿区'],
      ['510116', '双流区'],
    ],
  },
  {
    code: '510300',
    name: '自贡市',
    counties: [
      ['510302', '自流井区'],
      ['510303', '贡井区'],
      ['510304', '大安区'],
      ['510311', '沿滩区'],
      ['510321', '荣县'],
      ['510322', '富顺县'],
    ],
  },
  {
    code: '510400',
    name: '攀枝花市',
    counties: [
      ['510402', '东区'],
      ['510403', '西区'],
      ['510411', '仁和区'],
      ['510421', '米易县'],
      ['510422', '盐边县'],
    ],
  },
  {
    code: '510500',
    name: '泸州市',
    counties: [
      ['510502', '江阳区'],
      ['510503', '纳溪区'],
      ['510504', '龙马潭区'],
      ['510521', '泸县'],
      ['510522', '合江县'],
    ],
  },
  {
    code: '510600',
    name: '德阳市',
    counties: [
      ['510603', '旌阳区'],
      ['510604', '罗江区'],
      ['510623', '中江县'],
      ['510681', '广汉市'],
      ['510682', '什邡市'],
      ['510683', '绵竹市'],
    ],
  },
  {
    code: '510700',
    name: '绵阳市',
    counties: [
      ['510703', '涪城区'],
      ['510704', '游仙区'],
      ['510705', '安州区'],
      ['510722', '三台县'],
      ['510781', '江油市'],
    ],
  },
  {
    code: '510800',
    name: '广元市',
    counties: [
      ['510802', '利州区'],
      ['510811', '昭化区'],
      ['510812', '朝天区'],
      ['510821', '旺苍县'],
      ['510822', '青川县'],
    ],
  },
  {
    code: '510900',
    name: '遂宁市',
    counties: [
      ['510903', '船山区'],
      ['510904', '安居区'],
      ['510921', '蓬溪县'],
      ['510923', '大英县'],
      ['510981', '射洪市'],
    ],
  },
  {
    code: '511000',
    name: '内江市',
    counties: [
      ['511002', '市中区'],
      ['511011', '东兴区'],
      ['511024', '威远县'],
      ['511025', '资中县'],
      ['511083', '隆昌市'],
    ],
  },
  {
    code: '511100',
    name: '乐山市',
    counties: [
      ['511102', '市中区'],
      ['511111', '沙湾区'],
      ['511112', '五通桥区'],
      ['511113', '金口河区'],
      ['511123', '犍为县'],
      ['511181', '峨眉山市'],
    ],
  },
  {
    code: '511300',
    name: '南充市',
    counties: [
      ['511302', '顺庆区'],
      ['511303', '高坪区'],
      ['511304', '嘉陵区'],
      ['511321', '南部县'],
      ['511381', '阆中市'],
    ],
  },
  {
    code: '511400',
    name: '眉山市',
    counties: [
      ['511402', '东坡区'],
      ['511403', '彭山区'],
      ['511421', '仁寿县'],
      ['511423', '洪雅县'],
    ],
  },
  {
    code: '511500',
    name: '宜宾市',
    counties: [
      ['511502', '翠屏区'],
      ['511503', '南溪区'],
      ['511504', '叙州区'],
      ['511523', '江安县'],
      ['511524', '长宁县'],
    ],
  },
  {
    code: '511600',
    name: '广安市',
    counties: [
      ['511602', '广安区'],
      ['511603', '前锋区'],
      ['511621', '岳池县'],
      ['511623', '邻水县'],
      ['511681', '华蓥市'],
    ],
  },
  {
    code: '511700',
    name: '达州市',
    counties: [
      ['511702', '通川区'],
      ['511703', '达川区'],
      ['511722', '宣汉县'],
      ['511723', '开江县'],
      ['511781', '万源市'],
    ],
  },
  {
    code: '511800',
    name: '雅安市',
    counties: [
      ['511802', '雨城区'],
      ['511803', '名山区'],
      ['511822', '荥经县'],
      ['511823', '汉源县'],
    ],
  },
  {
    code: '511900',
    name: '巴中市',
    counties: [
      ['511902', '巴州区'],
      ['511903', '恩阳区'],
      ['511921', '通江县'],
      ['511922', '南江县'],
      ['511923', '平昌县'],
    ],
  },
  {
    code: '512000',
    name: '资阳市',
    counties: [
      ['512002', '雁江区'],
      ['512021', '安岳县'],
      ['512022', '乐至县'],
    ],
  },
  {
    code: '513200',
    name: '阿坝藏族羌族自治州',
    counties: [
      ['513201', '马尔康市'],
      ['513221', '汶川县'],
      ['513222', '理县'],
      ['513223', '茂县'],
    ],
  },
  {
    code: '513300',
    name: '甘孜藏族自治州',
    counties: [
      ['513301', '康定市'],
      ['513322', '泸定县'],
      ['513323', '丹巴县'],
    ],
  },
  {
    code: '513400',
    name: '凉山彝族自治州',
    counties: [
      ['513401', '西昌市'],
      ['513402', '会理市'],
      ['513422', '木里藏族自治县'],
      ['513424', '德昌县'],
    ],
  },
];

const regionNames = new Map(
  sichuanRegions.flatMap((city) => [
    [city.code, city.name] as const,
    ...city.counties.map(([code, name]) => [code, `${city.name} ${name}`] as const),
  ]),
);

/** A 市州 or 县区 by name, as a bureau reads it (`成都市 锦江区`); undefined for a code not listed. */
export const regionName = (code: string): string | undefined => regionNames.get(code);

const countiesOfCity = new Map(sichuanRegions.map((city) => [city.code, new Set(city.counties.map(([code]) => code))]));
const cityOfCounty = new Map(sichuanRegions.flatMap((city) => city.counties.map(([code]) => [code, city.code] as const)));

/**
 * Why a 市州 and 县区 pair is not one of the list above, naming the field at fault; undefined when
 * the county is listed under that city. Validated against whatever the list holds (GB/T 2260).
 */
export function checkRegion(cityCode: string, countyCode: string): { field: 'cityCode' | 'countyCode'; message: string } | undefined {
  if (!countiesOfCity.has(cityCode)) return { field: 'cityCode', message: t('region.city', { code: cityCode }) };
  const city = cityOfCounty.get(countyCode);
  if (city === undefined) return { field: 'countyCode', message: t('region.county', { code: countyCode }) };
  if (city !== cityCode)
    return {
      field: 'countyCode',
      message: t('region.countyOfCity', {
        county: countyCode,
        countyName: String(regionName(countyCode)),
        city: cityCode,
        cityName: String(regionName(cityCode)),
      }),
    };
  return undefined;
}
