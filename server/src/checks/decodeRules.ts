/**
 * What fails before validation: the object's YAML decodes to the wrong JSON type where Kubernetes'
 * decoder (sigs.k8s.io/yaml, YAML 1.1) reads it differently from how it looks. One file each
 * under rules/decode/.
 */
import type { Rule } from './types';
import { unquotedBoolean } from './rules/decode/unquotedBoolean';

/** Every decoding rule. */
export const DECODE_RULES: readonly Rule[] = [unquotedBoolean];
