/** Every diagnostic rule, and the runner. */
import type { Rule } from './types';
import { API_RULES } from './apiRules';
import { DNS_RULES } from './dnsRules';

export * from './types';
export * from './runner';

/** All rules, API-server validation first. */
export const ALL_RULES: readonly Rule[] = [...API_RULES, ...DNS_RULES];
