/**
 * Shared pieces of the store benchmark: the pod-like value, timing helpers and statistics.
 */

/** A ~2 KiB pod-like JSON object (metadata, labels, annotations, a container with env). */
export function podLike(ns: string, name: string, seq: number): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      uid: `0b7f1c3e-5a2d-4f6e-9c1b-${String(seq).padStart(12, '0')}`,
      creationTimestamp: '2026-01-01T00:00:00Z',
      labels: { app: `app-${seq % 50}`, tier: seq % 2 ? 'web' : 'db', 'pod-template-hash': '7d9f8c6b5d' },
      annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z', note: 'x'.repeat(300) },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${seq % 50}`, uid: 'u', controller: true },
      ],
    },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'registry.example.com/team/app:1.2.3',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          env: Array.from({ length: 12 }, (_, i) => ({ name: `ENV_VAR_${i}`, value: `value-${i}-${'v'.repeat(40)}` })),
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
        },
      ],
      nodeName: `node-${seq % 100}`,
      restartPolicy: 'Always',
    },
    status: { phase: 'Running', podIP: `10.0.${(seq >> 8) & 255}.${seq & 255}` },
  };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export const percentile = (xs: number[], p: number): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

export const now = (): number => performance.now();

/** Runs `count` tasks with at most `width` in flight; returns elapsed ms. */
export async function pool(count: number, width: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = now();
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return now() - t0;
}

export const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/** Sizes of the budgets for --quick and full runs. */
export interface Sizes {
  seq: number;
  c64: number;
  cas: number;
  list: number;
  gets: number;
  watchSeconds: number;
  runs: number;
}

export const sizesFor = (quick: boolean): Sizes =>
  quick
    ? { seq: 400, c64: 4000, cas: 400, list: 20_000, gets: 5000, watchSeconds: 2, runs: 3 }
    : { seq: 2000, c64: 20_000, cas: 2000, list: 150_000, gets: 20_000, watchSeconds: 5, runs: 3 };

/**
 * CPU calibration: JSON.parse throughput (MB/s) of the pod-like value right now. On a shared
 * machine every figure scales with it, so results from different runs can be compared.
 */
export function parseCalibration(): number {
  const text = JSON.stringify(podLike('ns', 'calib', 1));
  let bytes = 0;
  const t0 = now();
  while (now() - t0 < 300) {
    for (let i = 0; i < 50; i++) JSON.parse(text);
    bytes += 50 * text.length;
  }
  return bytes / 2 ** 20 / ((now() - t0) / 1000);
}
