/** Rules about which API serves an object at all (`manifests/apiGroups.ts`), before any validation of its fields. */
import type { Rule } from './types';
import { apiVersionUnserved } from './rules/versions/apiVersionUnserved';

export const VERSION_RULES: readonly Rule[] = [apiVersionUnserved];
