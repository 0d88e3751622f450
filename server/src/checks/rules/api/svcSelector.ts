import type { Rule } from '../../types';
import { invalid } from '../../validation/errors';
import { labelMapProblems } from '../../validation/qualifiedName';
import { goMap } from '../../validation/raw';
import { at, fail, keyOf } from '../../validation/report';
import { serviceView } from '../../validation/service';

/** SEL-1: selector keys are qualified names and values label values. */
export const svcSelector: Rule = {
  code: 'svc-selector',
  defaultSeverity: 'error',
  source: 'api-server',
  reference: 'validation.go ValidateService → ValidateLabels (SEL-1)',
  description: 'spec.selector keys must be label keys and its values label values.',
  kinds: ['Service'],
  check(object, _ctx, report) {
    const selector = goMap(serviceView(object).spec['selector']);
    if (!selector) return;
    for (const p of labelMapProblems(selector)) {
      const path = ['spec', 'selector', p.key];
      fail(
        report,
        p.part === 'key' ? keyOf(path) : at(path),
        'spec.selector',
        invalid(p.text, p.messages),
        "the selector must use the label keys and values of the pods: at most 63 letters, digits, '-', '_' or '.' (keys may have a DNS prefix and '/').",
      );
    }
  },
};
