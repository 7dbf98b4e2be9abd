import { SICHUAN_PROVINCE_CODE, sichuanRegions } from '@statdesk/config/regions';
import { Field, Flex, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import type { CustomInputProps } from './input-props';

const WHOLE = 'whole';
const cityOf = (code: string) => (code === SICHUAN_PROVINCE_CODE ? code : `${code.slice(0, 4)}00`);

/**
 * A 辖区 (辖区分配) chosen from the GB/T 2260 list of Sichuan (config/src/direct-report), 市州
 * first and then one of its 县区, or the whole 市州, or the province: nothing to mistype. The
 * server checks the code against the same list (the jurisdiction lifecycles).
 */
export function RegionInput({ name = 'regionCode', hint, required, disabled = false }: CustomInputProps) {
  const { value, error, onChange } = useField<string>(name);
  const code = typeof value === 'string' ? value : '';
  const city = code ? cityOf(code) : '';
  const counties = sichuanRegions.find((region) => region.code === city)?.counties ?? [];
  const county = code && code !== city ? code : WHOLE;
  return (
    <Field.Root name={name} error={error} hint={hint} required={required}>
      <Flex gap={3} alignItems="flex-start">
        <Field.Root name={`${name}-city`} style={{ flex: 1 }}>
          <Field.Label>市州</Field.Label>
          <SingleSelect
            value={city}
            disabled={disabled}
            placeholder="请选择市州"
            onChange={(choice: string | number) => onChange(name, String(choice))}
          >
            <SingleSelectOption value={SICHUAN_PROVINCE_CODE}>四川省（全省）</SingleSelectOption>
            {sichuanRegions.map((region) => (
              <SingleSelectOption key={region.code} value={region.code}>
                {region.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name={`${name}-county`} style={{ flex: 1 }}>
          <Field.Label>县区</Field.Label>
          <SingleSelect
            value={county}
            disabled={disabled || counties.length === 0}
            onChange={(choice: string | number) => onChange(name, choice === WHOLE ? city : String(choice))}
          >
            <SingleSelectOption value={WHOLE}>整个市州</SingleSelectOption>
            {counties.map(([countyCode, countyName]) => (
              <SingleSelectOption key={countyCode} value={countyCode}>
                {countyName}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

export default RegionInput;
