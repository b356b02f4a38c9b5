/** kubectl's PersistentVolumeClaim describer (with the pods that use the claim). */

import { Quantity } from '../api/quantity.js';
import { listAll } from '../client/list-pager.js';
import { translateTimestampSince } from '../printers/table/human-duration.js';
import { rfc1123z } from './deployment-describer.js';
import { appendEvents } from './events.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer.js';
import type { DescribeContext, KObject } from './types.js';

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);
const str = (x: unknown): string => (x === undefined || x === null ? '' : String(x));

/** storageutil.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, deduplicated. */
export function accessModesAsString(modes: unknown): string {
  const list = Array.isArray(modes) ? (modes as string[]) : [];
  const out: string[] = [];
  const order: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  for (const [mode, short] of order) if (list.includes(mode)) out.push(short);
  return out.join(',');
}

/** Go's %v of a string slice: `[a b]`. */
const goList = (x: unknown): string => `[${(Array.isArray(x) ? (x as string[]) : []).join(' ')}]`;

/** GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
function claimClass(obj: KObject, spec: Obj): string {
  const ann = obj.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (ann !== undefined) return ann;
  return str(spec.storageClassName);
}

const quantity = (x: unknown): string => {
  if (x === undefined || x === null) return '0';
  const q = Quantity.tryParse(String(x));
  return q ? q.toString() : String(x);
};

async function podsUsing(obj: KObject, ctx: DescribeContext): Promise<Obj[]> {
  const md = obj.metadata ?? {};
  const { items } = await listAll(ctx.rest, {
    path: `/api/v1/namespaces/${encodeURIComponent(md.namespace ?? '')}/pods`,
    limit: ctx.chunkSize,
  });
  const pods = items as Obj[];
  const used: Obj[] = [];
  for (const pod of pods) {
    const vols = arr(((pod.spec ?? {}) as Obj).volumes);
    for (const v of vols) {
      const claim = v.persistentVolumeClaim as Obj | undefined;
      if (claim && str(claim.claimName) === md.name) used.push(pod);
    }
  }
  const uid = (p: Obj) => str((p.metadata as Obj | undefined)?.uid);
  const owners = arr((md as Obj).ownerReferences);
  for (const ref of owners) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.find((p) => uid(p) === str(ref.uid));
    if (owner && !used.some((p) => uid(p) === uid(owner))) used.push(owner);
  }
  return used;
}

export async function describePersistentVolumeClaim(obj: KObject, ctx: DescribeContext): Promise<string> {
  const pods = await podsUsing(obj, ctx);
  const w = new PrefixWriter();
  const md = obj.metadata ?? {};
  const meta = md as Obj;
  const spec = (obj.spec ?? {}) as Obj;
  const status = (obj.status ?? {}) as Obj;
  w.write(LEVEL_0, `Name:\t${md.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${md.namespace ?? ''}\n`);
  w.write(LEVEL_0, `StorageClass:\t${claimClass(obj, spec)}\n`);
  if (meta.deletionTimestamp) {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(str(meta.deletionTimestamp), ctx.now)})\n`);
  } else w.write(LEVEL_0, `Status:\t${str(status.phase)}\n`);
  const volumeName = str(spec.volumeName);
  w.write(LEVEL_0, `Volume:\t${volumeName}\n`);
  printLabelsMultiline(w, 'Labels', md.labels);
  printAnnotationsMultiline(w, 'Annotations', md.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(meta.finalizers)}\n`);
  let capacity = '';
  let modes = '';
  if (volumeName !== '') {
    modes = accessModesAsString(status.accessModes);
    capacity = quantity((status.capacity as Obj | undefined)?.storage);
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${modes}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${str(spec.volumeMode)}\n`);
  const ds = spec.dataSource as Obj | undefined;
  if (ds) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (ds.apiGroup !== undefined && ds.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${str(ds.apiGroup)}\n`);
    w.write(LEVEL_1, `Kind:\t${str(ds.kind)}\n`);
    w.write(LEVEL_1, `Name:\t${str(ds.name)}\n`);
  }
  const names = pods.map((p) => str((p.metadata as Obj | undefined)?.name)).sort();
  w.write(LEVEL_0, 'Used By:\t');
  if (names.length === 0) w.writeLine('<none>');
  for (const [i, n] of names.entries()) w.write(LEVEL_0, `${i === 0 ? '' : '\t'}${n}\n`);
  const conditions = arr(status.conditions);
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      const probe = rfc1123z(c.lastProbeTime as string | undefined);
      const trans = rfc1123z(c.lastTransitionTime as string | undefined);
      w.write(
        LEVEL_1,
        `${str(c.type)} \t${str(c.status)} \t${probe} \t${trans} \t${str(c.reason)} \t${str(c.message)}\n`,
      );
    }
  }
  await appendEvents(obj, ctx, w);
  return w.toString();
}
