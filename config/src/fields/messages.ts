import { t } from '../i18n/messages.ts';

/**
 * The shared field messages of zh-CN.ts as functions of a label, the shape fields/schema.ts calls.
 * Kept as a thin door while config/src/fields is restructured in parallel; new code calls t().
 */
export const fieldMessages = {
  required: (label: string) => t('field.required', { label }),
  choose: (label: string) => t('field.choose', { label }),
  chooseAtLeastOne: (label: string) => t('field.chooseAtLeastOne', { label }),
  tooLong: (label: string, max: number) => t('field.tooLong', { label, max }),
  wrongType: (label: string) => t('field.wrongType', { label }),
  controlCharacters: (label: string) => t('field.controlCharacters', { label }),
  unknownOption: (label: string) => t('field.unknownOption', { label }),
  date: (label: string) => t('field.date', { label }),
  // Read when a schema is built, so a schema built in English (forms/index.ts formSchemaIn) has it in English.
  get consent() {
    return t('field.consent');
  },
  rowCount: (noun: string, min: number, max: number) => t('field.rowCount', { noun, min, max }),
  endBeforeStart: (period: string) => t('field.endBeforeStart', { period }),
  otherRequired: (label: string) => t('field.otherRequired', { label }),
  chosenAlone: (option: string, label: string) => t('field.chosenAlone', { option, label }),
  duplicateRow: (noun: string, value: string) => t('field.duplicateRow', { noun, value }),
} as const;
