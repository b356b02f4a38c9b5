import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { ClientCommand } from '../../cli/client-command.js';
import { editFile, fileFor, loadKubeconfigSet } from '../../cli/config/kubeconfig-files.js';

export default class SetCredentials extends ClientCommand {
  static override summary = 'Set a user entry in kubeconfig';
  static override description =
    'Set a user entry in kubeconfig. Setting a token or basic auth clears the other kind; existing fields are kept otherwise.';
  static override examples = [
    'kctl config set-credentials alice --token=abc',
    'kctl config set-credentials bob --username=bob --password=pw',
  ];
  static override args = { name: Args.string({ description: 'user name' }) };
  static override flags = {
    'embed-certs': Flags.boolean({ description: 'Embed client cert/key for the user entry in kubeconfig' }),
    'exec-command': Flags.string({
      description: 'Command for the exec credential plugin for the user entry in kubeconfig',
    }),
    'exec-api-version': Flags.string({
      description: 'API version of the exec credential plugin for the user entry in kubeconfig',
    }),
    'exec-arg': Flags.string({
      multiple: true,
      description: 'New arguments for the exec credential plugin command for the user entry in kubeconfig',
    }),
    'exec-env': Flags.string({
      multiple: true,
      description: "'key=value' environment values for the exec credential plugin",
    }),
  };

  async run(): Promise<void> {
    const { flags, args } = await this.parse(SetCredentials);
    if (!args.name) throw new Error('Unexpected args: []');
    const name = args.name;
    const set = loadKubeconfigSet({ kubeconfig: flags.kubeconfig });
    editFile(set, fileFor(set, 'users', name), (cfg) => {
      let entry = cfg.users.find((u) => u.name === name);
      if (!entry) {
        entry = { name, user: {} };
        cfg.users.push(entry);
      }
      const u = entry.user;
      for (const [flag, file, data] of [
        ['client-certificate', 'client-certificate', 'client-certificate-data'],
        ['client-key', 'client-key', 'client-key-data'],
      ] as const) {
        const path = flags[flag];
        if (path === undefined) continue;
        if (flags['embed-certs']) {
          u[data] = readFileSync(path).toString('base64');
          delete u[file];
        } else {
          u[file] = resolve(path);
          delete u[data];
        }
      }
      let setToken = false;
      let setBasic = false;
      if (flags.token !== undefined) {
        u.token = flags.token;
        setToken = flags.token !== '';
      }
      if (flags.username !== undefined) {
        u.username = flags.username;
        setBasic = setBasic || flags.username !== '';
      }
      if (flags.password !== undefined) {
        u.password = flags.password;
        setBasic = setBasic || flags.password !== '';
      }
      // Setting one kind of credential clears the other, as kubectl does.
      if (setToken && !setBasic) {
        delete u.username;
        delete u.password;
      }
      if (setBasic && !setToken) delete u.token;
      if (flags['exec-command'] !== undefined) {
        u.exec = { ...(u.exec ?? { apiVersion: '' }), command: flags['exec-command'] };
      }
      if (u.exec && flags['exec-api-version'] !== undefined) u.exec.apiVersion = flags['exec-api-version'];
      if (u.exec && flags['exec-arg'] !== undefined) u.exec.args = flags['exec-arg'];
      if (u.exec && flags['exec-env'] !== undefined) {
        u.exec.env = flags['exec-env'].map((kv) => {
          const i = kv.indexOf('=');
          return { name: kv.slice(0, i), value: kv.slice(i + 1) };
        });
      }
    });
    this.out(`User "${name}" set.\n`);
  }
}
