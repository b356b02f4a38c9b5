import { describe, expect, it } from 'vitest';
import { StatusError } from '../../src/api/status.js';
import { kubectlErrorText } from '../../src/cli/kubectl-errors.js';
import { VerbatimError } from '../../src/client/errors.js';
import { AggregateResultError } from '../../src/resource/result.js';

const status = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
  new StatusError({ code: 404, reason: reason as never, message, ...extra });

describe('kubectlErrorText', () => {
  it('words API errors as kubectl does', () => {
    expect(kubectlErrorText(status('NotFound', 'pods "x" not found'))).toBe(
      'Error from server (NotFound): pods "x" not found\n',
    );
    expect(kubectlErrorText(status('', 'boom'))).toBe('Error from server: boom\n');
    expect(kubectlErrorText(status('Unauthorized', 'Unauthorized'))).toBe(
      'error: You must be logged in to the server (Unauthorized)\n',
    );
  });
  it('prefixes plain errors once and keeps verbatim ones', () => {
    expect(kubectlErrorText(new Error('bad'))).toBe('error: bad\n');
    expect(kubectlErrorText(new Error('error: already'))).toBe('error: already\n');
    expect(kubectlErrorText(new VerbatimError('The connection to the server x was refused'))).toBe(
      'The connection to the server x was refused\n',
    );
  });
  it('prints aggregated errors one per line, unwrapping a single one', () => {
    const nf = status('NotFound', 'configmaps "a" not found');
    expect(kubectlErrorText(new AggregateResultError([nf]))).toBe(
      'Error from server (NotFound): configmaps "a" not found\n',
    );
    expect(kubectlErrorText(new AggregateResultError([nf, new Error('plain')]))).toBe(
      'Error from server (NotFound): configmaps "a" not found\nplain\n',
    );
  });
  it('lists Invalid causes under the object name', () => {
    const err = new StatusError({
      code: 422,
      reason: 'Invalid',
      message: 'x',
      details: { kind: 'ConfigMap', name: 'c', causes: [{ field: 'data', message: 'bad key' }] },
    });
    expect(kubectlErrorText(err)).toBe('The ConfigMap "c" is invalid: data: bad key\n');
  });
  it('lists several Invalid causes one per line, without duplicates', () => {
    const err = new StatusError({
      code: 422,
      reason: 'Invalid',
      message: 'x',
      details: {
        kind: 'Deployment',
        name: 'web',
        causes: [
          { field: 'spec.selector', message: 'Required value' },
          { field: 'spec.selector', message: 'Required value' },
          { field: 'spec.template.spec.containers', message: 'Required value' },
        ],
      },
    });
    expect(kubectlErrorText(err)).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.spec.containers: Required value\n',
    );
  });
  it('appends the server message when Invalid details carry no kind, name or causes', () => {
    const err = new StatusError({ code: 422, reason: 'Invalid', message: 'the server rejected it', details: {} });
    expect(kubectlErrorText(err)).toBe('The request is invalid: the server rejected it\n');
  });
});
