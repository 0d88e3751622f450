/** Every diagnostic rule, and the runner. */
import type { Rule } from './types';
import { API_RULES } from './apiRules';
import { DECODE_RULES } from './decodeRules';
import { DNS_RULES } from './dnsRules';
import { ROUTE_RULES } from './routeRules';
import { VERSION_RULES } from './versionRules';

export * from './types';
export * from './runner';

/** All rules: decoding first (kubectl stops there), which API serves the object, then API-server validation, then DNS, then Ingress and route backends. */
export const ALL_RULES: readonly Rule[] = [...DECODE_RULES, ...VERSION_RULES, ...API_RULES, ...DNS_RULES, ...ROUTE_RULES];
