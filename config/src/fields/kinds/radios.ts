/** 单选: one option, all shown at once (GOV.UK "Radios"). */
import type { z } from 'zod';
import { singleChoiceKind } from './choice.ts';

export const radios = singleChoiceKind('radios');
export const definition = radios.definition;
export type RadiosField = z.infer<typeof definition>;
