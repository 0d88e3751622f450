/** unquoted-boolean: a boolean where Kubernetes wants a string (`public: yes` as a label). */
import { isYaml11OnlyBool } from '../../../manifests/yamlParse';
import { formatFieldPath, type FieldPath, type KubeObject } from '../../../manifests/types';
import type { CheckContext, FixEdit, Rule } from '../../types';
import { forEachStringField } from '../../validation/stringFields';

/** A boolean as YAML can write it, plainly: the only text the fix may quote (not `*alias` or `!!bool x`). */
const BOOL_WORD = /^(?:[Yy]|[Yy]es|YES|[Nn]|[Nn]o|NO|[Oo]n|ON|[Oo]ff|OFF|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

/** The written word of the boolean at `path` (`yes`, `True`…), when the text is at hand. */
function writtenWord(object: KubeObject, path: FieldPath, ctx: CheckContext): string | undefined {
  const text = ctx.textOf?.(object.source.file);
  if (!text) return undefined;
  const r = object.source.locate(path);
  const word = text.slice(r.start, r.end);
  return BOOL_WORD.test(word) ? word : undefined;
}

/** The fix: the same word, quoted, so it reads as the string it was meant to be. */
function quoteFix(object: KubeObject, path: FieldPath, word: string): FixEdit {
  return { title: `Quote "${word}" (a string, not a boolean)`, edits: [{ file: object.source.file, range: object.source.locate(path), newText: JSON.stringify(word) }] };
}

export const unquotedBoolean: Rule = {
  code: 'unquoted-boolean',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'sigs.k8s.io/yaml YAMLToJSON over go-yaml resolve.go (YAML 1.1: y/yes/on/n/no/off are booleans); encoding/json "cannot unmarshal bool into Go struct field … of type string"',
  description: 'An unquoted true/false, or YAML 1.1 yes/no/on/off/y/n, where a string is required (labels, annotations, selectors, env values, names) is a boolean, and the object is rejected when decoded.',
  kinds: ['*'],
  check(object, ctx, report) {
    forEachStringField(object.kind, object.raw, (path, value) => {
      if (typeof value !== 'boolean') return;
      const field = formatFieldPath(path);
      const word = writtenWord(object, path, ctx);
      const shown = word ?? String(value);
      const why =
        word && isYaml11OnlyBool(word)
          ? `unquoted ${word} is the boolean ${value} in YAML 1.1, which Kubernetes reads (sigs.k8s.io/yaml over go-yaml)`
          : `unquoted ${shown} is a boolean`;
      report.at(
        path,
        `${field}: Invalid type: ${why}, and the object is rejected when decoded ("cannot unmarshal bool into Go struct field of type string") — quote it: "${shown}".`,
        { field, fixes: () => [word ? quoteFix(object, path, word) : undefined] },
      );
    });
  },
};
