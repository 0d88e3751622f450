/** DNS warnings no validator gives, and cross-resource checks, one file each under rules/. */
import type { Rule } from './types';

export const DNS_RULES: readonly Rule[] = [];
