import { describe, expect, it } from 'vitest';
import {
  camelCaseSplit,
  printAnnotationsMultiline,
  printLabelsMultiline,
  smartLabelFor,
} from '../../src/describe/format.js';
import { PrefixWriter } from '../../src/describe/prefix-writer.js';

describe('describe formatting', () => {
  it('smartLabelFor splits camel case and upper-cases known acronyms', () => {
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('creationTimestamp')).toBe('Creation Timestamp');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('podIP')).toBe('Pod IP');
    expect(smartLabelFor('v1beta1')).toBe('v1beta1');
    expect(camelCaseSplit('HTMLParser')).toEqual(['HTML', 'Parser']);
  });
  it('labels and annotations line up under their title', () => {
    const w = new PrefixWriter();
    printLabelsMultiline(w, 'Labels', { b: '2', a: '1' });
    printAnnotationsMultiline(w, 'Annotations', { 'kubectl.kubernetes.io/last-applied-configuration': '{}' });
    expect(w.toString()).toBe('Labels:       a=1\n              b=2\nAnnotations:  <none>\n');
  });
});
