/** 下拉选择: one option from a long list (catalog, institutions). */
import type { z } from 'zod';
import { singleChoiceKind } from './choice.ts';

export const select = singleChoiceKind('select');
export const definition = select.definition;
export type SelectField = z.infer<typeof definition>;
