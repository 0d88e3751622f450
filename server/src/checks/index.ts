/** Every diagnostic rule, and the runner. */
import type { Rule } from './types';
import { API_RULES } from './apiRules';
import { DNS_RULES } from './dnsRules';
import { VERSION_RULES } from './versionRules';

export * from './types';
export * from './runner';

/** All rules: which API serves the object, then API-server validation, then DNS. */
export const ALL_RULES: readonly Rule[] = [...VERSION_RULES, ...API_RULES, ...DNS_RULES];
