import { Flags } from '@oclif/core';
import { StatusError } from '../../api/status.js';
import { ClientCommand } from '../../cli/client-command.js';
import { typedJson } from '../../cli/output/typed-json.js';
import { printerForFlags, TabWriter } from '../../printers/index.js';

interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

export default class AuthWhoami extends ClientCommand {
  static override summary = 'Experimental: Check self subject attributes';
  static override flags = {
    output: Flags.string({
      char: 'o',
      description: 'Output format. One of: (json, yaml, name, go-template, jsonpath, ...).',
    }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(AuthWhoami);
    const ctx = this.client(flags);
    let review: { status?: { userInfo?: UserInfo } };
    try {
      review = await ctx.rest.json({
        method: 'POST',
        path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
        body: { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {} },
      });
    } catch (e) {
      if (e instanceof StatusError && e.code === 404)
        throw new Error('the selfsubjectreviews API is not enabled in the cluster');
      throw e;
    }
    const u = review.status?.userInfo ?? {};
    if (flags.output) {
      // A typed object to kubectl: its own metadata is empty, and JSON keeps the struct's field order.
      const userInfo = {
        ...(u.username ? { username: u.username } : {}),
        ...(u.uid ? { uid: u.uid } : {}),
        ...(u.groups?.length ? { groups: u.groups } : {}),
        ...(u.extra && Object.keys(u.extra).length ? { extra: u.extra } : {}),
      };
      const typed = {
        kind: 'SelfSubjectReview',
        apiVersion: 'authentication.k8s.io/v1',
        metadata: {},
        status: { userInfo },
      };
      if (flags.output === 'json') this.out(typedJson(typed));
      else await printerForFlags({ output: flags.output }).print(typed, process.stdout);
      return;
    }
    let text = '';
    const tw = new TabWriter((s) => {
      text += s;
    });
    tw.write('ATTRIBUTE\tVALUE\n');
    if (u.username) tw.write(`Username\t${u.username}\n`);
    if (u.uid) tw.write(`UID\t${u.uid}\n`);
    if (u.groups && u.groups.length > 0) tw.write(`Groups\t[${u.groups.join(' ')}]\n`);
    for (const k of Object.keys(u.extra ?? {}).sort()) tw.write(`Extra: ${k}\t[${(u.extra?.[k] ?? []).join(' ')}]\n`);
    tw.flush();
    this.out(text);
  }
}
