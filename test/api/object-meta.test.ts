import { describe, expect, it } from 'vitest';
import {
  getAnnotations,
  getLabels,
  getName,
  getNamespace,
  getResourceVersion,
  getUID,
  isKubeObject,
  isList,
  type KubeObject,
  listItems,
  metaOf,
  namespacedName,
  removeAnnotation,
  removeLabel,
  setAnnotation,
  setAnnotations,
  setLabel,
  setLabels,
  setName,
  setNamespace,
} from '../../src/api/object-meta.js';
import {
  addOwnerReference,
  controllerRef,
  hasOwnerReference,
  isControlledBy,
  newControllerRef,
  ownerReferences,
  removeOwnerReference,
  sameOwner,
} from '../../src/api/owner-references.js';

const cm = (): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns' } });

describe('object meta accessors', () => {
  it('reads safely from anything', () => {
    expect(getName(cm())).toBe('c');
    expect(getNamespace(cm())).toBe('ns');
    expect(getName(null)).toBe('');
    expect(getName({ metadata: 'junk' })).toBe('');
    expect(getUID({ metadata: { uid: 'u' } })).toBe('u');
    expect(getResourceVersion(cm())).toBe('');
    expect(getLabels(cm())).toEqual({});
    expect(getAnnotations(undefined)).toEqual({});
    expect(metaOf(42)).toEqual({});
    expect(namespacedName(cm())).toBe('ns/c');
    expect(namespacedName({ metadata: { name: 'n' } })).toBe('n');
  });

  it('writes labels and annotations, dropping empty maps', () => {
    const o = cm();
    setLabel(o, 'app', 'web');
    setAnnotation(o, 'note', 'x');
    expect(o.metadata.labels).toEqual({ app: 'web' });
    expect(o.metadata.annotations).toEqual({ note: 'x' });
    removeLabel(o, 'app');
    removeAnnotation(o, 'note');
    expect(o.metadata).not.toHaveProperty('labels');
    expect(o.metadata).not.toHaveProperty('annotations');
    setLabels(o, { a: '1' });
    setAnnotations(o, { b: '2' });
    expect(getLabels(o)).toEqual({ a: '1' });
    expect(getAnnotations(o)).toEqual({ b: '2' });
    const bare: { metadata?: KubeObject['metadata'] } = {};
    setName(bare, 'n');
    setNamespace(bare, 'x');
    expect(bare.metadata).toEqual({ name: 'n', namespace: 'x' });
    setNamespace(bare, '');
    expect(bare.metadata).toEqual({ name: 'n' });
  });

  it('recognises objects and lists', () => {
    expect(isKubeObject(cm())).toBe(true);
    expect(isKubeObject({ kind: 'X' })).toBe(false);
    const list = { apiVersion: 'v1', kind: 'ConfigMapList', metadata: {}, items: [cm()] };
    expect(isList(list)).toBe(true);
    expect(listItems(list)).toHaveLength(1);
    expect(isList({ apiVersion: 'v1', kind: 'PodList', metadata: {}, items: null })).toBe(true);
    expect(listItems({ apiVersion: 'v1', kind: 'PodList', metadata: {} })).toEqual([]);
    expect(isList(cm())).toBe(false);
    expect(isList({ kind: 'PodList', items: 'x' })).toBe(false);
    expect(isList([])).toBe(false);
    expect(() => listItems(cm())).toThrow('object is not a list');
  });
});

describe('owner references', () => {
  const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', uid: 'u1' } };
  const gvk = { group: 'apps', version: 'v1', kind: 'ReplicaSet' };

  it('builds controller refs', () => {
    expect(newControllerRef(owner, gvk)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: 'rs',
      uid: 'u1',
      controller: true,
      blockOwnerDeletion: true,
    });
    expect(() => newControllerRef({ metadata: { name: 'x' } }, gvk)).toThrow(
      'owner must have metadata.name and metadata.uid',
    );
  });

  it('adds, finds, matches and removes by uid', () => {
    const pod = cm();
    addOwnerReference(pod, newControllerRef(owner, gvk));
    addOwnerReference(pod, newControllerRef(owner, gvk));
    expect(ownerReferences(pod)).toHaveLength(1);
    addOwnerReference(pod, { apiVersion: 'v1', kind: 'Node', name: 'n', uid: 'u2' });
    expect(controllerRef(pod)?.uid).toBe('u1');
    expect(isControlledBy(pod, owner)).toBe(true);
    expect(isControlledBy(pod, { metadata: { uid: 'u2' } })).toBe(false);
    expect(isControlledBy(pod, {})).toBe(false);
    expect(hasOwnerReference(pod, 'u2')).toBe(true);
    expect(() =>
      addOwnerReference(pod, { apiVersion: 'v1', kind: 'X', name: 'x', uid: 'u3', controller: true }),
    ).toThrow('object already has a controller reference to ReplicaSet "rs"');
    expect(removeOwnerReference(pod, 'u9')).toBe(false);
    expect(removeOwnerReference(pod, 'u1')).toBe(true);
    expect(controllerRef(pod)).toBeUndefined();
    expect(removeOwnerReference(pod, 'u2')).toBe(true);
    expect(pod.metadata).not.toHaveProperty('ownerReferences');
    expect(sameOwner({ ...newControllerRef(owner, gvk) }, newControllerRef(owner, gvk))).toBe(true);
  });
});
