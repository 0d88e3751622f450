/** API-server validation rules (service-validation.md), one file each under rules/. */
import type { Rule } from './types';

export const API_RULES: readonly Rule[] = [];
