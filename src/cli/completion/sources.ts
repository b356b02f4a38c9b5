/**
 * Completion candidates from the cluster and the kubeconfig: resource types from (cached)
 * discovery as `kctl api-resources -o name` prints them, object names from a list as
 * `kctl get TYPE -o name` would find them, and the kubeconfig's contexts, clusters and users.
 */
import type { Config } from '@oclif/core';
import type { ClientContext } from '../../client/index.js';
import { listAll } from '../../client/list-pager.js';
import { apiResourceRows } from '../api-resources/rows.js';
import type { CommandInfo, CompletionSource, FlagInfo } from './complete.js';

export function clientSource(ctx: ClientContext): CompletionSource {
  return {
    async resourceTypes() {
      const snapshot = await ctx.discovery.snapshot();
      return apiResourceRows(snapshot, { verbs: ['get'] }).map(({ group, resource }) =>
        group ? `${resource.name}.${group}` : resource.name,
      );
    },
    async resourceNames(type, namespace, allNamespaces) {
      const m = await ctx.mapper.mappingFor(type);
      const { group, version, resource } = m.resource;
      let path = group ? `/apis/${group}/${version}` : `/api/${version}`;
      if (m.namespaced && !allNamespaces) path += `/namespaces/${encodeURIComponent(namespace ?? ctx.namespace)}`;
      const { items } = await listAll(ctx.rest, { path: `${path}/${resource}`, limit: 500 });
      const names = (items as { metadata?: { name?: string } }[]).map((o) => o.metadata?.name ?? '');
      return [...new Set(names.filter(Boolean))].sort();
    },
    async contexts() {
      return ctx.kubeconfig.config.contexts.map((c) => c.name).sort();
    },
    async clusters() {
      return ctx.kubeconfig.config.clusters.map((c) => c.name).sort();
    },
    async users() {
      return ctx.kubeconfig.config.users.map((c) => c.name).sort();
    },
  };
}

interface LoadableFlag {
  type?: string;
  char?: string;
  summary?: string;
  description?: string;
  hidden?: boolean;
  options?: readonly string[];
}

/** The visible commands with their flags, from oclif's command table (the manifest). */
export function commandTable(config: Config): CommandInfo[] {
  const out: CommandInfo[] = [];
  for (const c of config.commands) {
    if (c.hidden) continue;
    const flags: FlagInfo[] = [];
    for (const [name, f] of Object.entries((c.flags ?? {}) as Record<string, LoadableFlag>)) {
      if (f.hidden) continue;
      flags.push({
        name,
        char: f.char,
        hasValue: f.type === 'option',
        summary: f.summary ?? f.description,
        options: f.options,
      });
    }
    out.push({ words: c.id.split(':'), summary: c.summary ?? c.description?.split('\n')[0], flags });
  }
  // Topics without a command of their own (`config`, `auth`) complete like commands.
  for (const t of config.topics) {
    const words = t.name.split(':');
    if (!out.some((c) => c.words.join(' ') === words.join(' '))) {
      out.push({ words, summary: t.description?.split('\n')[0], flags: [] });
    }
  }
  // cobra adds a help command to every root command.
  if (!out.some((c) => c.words[0] === 'help')) {
    out.push({ words: ['help'], summary: 'Help about any command', flags: [] });
  }
  return out;
}
