import { Flags } from '@oclif/core';

/**
 * kubectl's global flags. Every kctl command accepts them (oclif `baseFlags`), and
 * `hoistGlobalFlags` lets them stand before the command name as kubectl allows.
 */
export const globalFlags = {
  kubeconfig: Flags.string({
    helpGroup: 'GLOBAL',
    description: 'Path to the kubeconfig file to use for CLI requests.',
  }),
  context: Flags.string({ helpGroup: 'GLOBAL', description: 'The name of the kubeconfig context to use' }),
  cluster: Flags.string({ helpGroup: 'GLOBAL', description: 'The name of the kubeconfig cluster to use' }),
  user: Flags.string({ helpGroup: 'GLOBAL', description: 'The name of the kubeconfig user to use' }),
  namespace: Flags.string({
    char: 'n',
    helpGroup: 'GLOBAL',
    description: 'If present, the namespace scope for this CLI request',
  }),
  server: Flags.string({
    char: 's',
    helpGroup: 'GLOBAL',
    description: 'The address and port of the Kubernetes API server',
  }),
  token: Flags.string({ helpGroup: 'GLOBAL', description: 'Bearer token for authentication to the API server' }),
  'insecure-skip-tls-verify': Flags.boolean({
    helpGroup: 'GLOBAL',
    description: "If true, the server's certificate will not be checked for validity.",
  }),
  'certificate-authority': Flags.string({
    helpGroup: 'GLOBAL',
    description: 'Path to a cert file for the certificate authority',
  }),
  'client-certificate': Flags.string({ helpGroup: 'GLOBAL', description: 'Path to a client certificate file for TLS' }),
  'client-key': Flags.string({ helpGroup: 'GLOBAL', description: 'Path to a client key file for TLS' }),
  'tls-server-name': Flags.string({
    helpGroup: 'GLOBAL',
    description: 'Server name to use for server certificate validation.',
  }),
  'request-timeout': Flags.string({
    helpGroup: 'GLOBAL',
    default: '0',
    description:
      'The length of time to wait before giving up on a single server request (e.g. 1s, 2m, 3h; 0 = no timeout).',
  }),
  as: Flags.string({ helpGroup: 'GLOBAL', description: 'Username to impersonate for the operation.' }),
  'as-group': Flags.string({
    helpGroup: 'GLOBAL',
    multiple: true,
    description: 'Group to impersonate for the operation.',
  }),
  'as-uid': Flags.string({ helpGroup: 'GLOBAL', description: 'UID to impersonate for the operation.' }),
  username: Flags.string({ helpGroup: 'GLOBAL', description: 'Username for basic authentication to the API server' }),
  password: Flags.string({ helpGroup: 'GLOBAL', description: 'Password for basic authentication to the API server' }),
  'cache-dir': Flags.string({ helpGroup: 'GLOBAL', description: 'Default cache directory (default ~/.kctl/cache)' }),
  v: Flags.integer({ char: 'v', helpGroup: 'GLOBAL', default: 0, description: 'number for the log level verbosity' }),
  'warnings-as-errors': Flags.boolean({
    helpGroup: 'GLOBAL',
    description: 'Treat warnings received from the server as errors and exit with a non-zero exit code',
  }),
  'disable-compression': Flags.boolean({
    helpGroup: 'GLOBAL',
    description: 'If true, opt-out of response compression',
  }),
  'match-server-version': Flags.boolean({
    helpGroup: 'GLOBAL',
    description: 'Require server version to match client version',
  }),
};

export type GlobalFlagValues = {
  kubeconfig?: string;
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
  server?: string;
  token?: string;
  'insecure-skip-tls-verify'?: boolean;
  'certificate-authority'?: string;
  'client-certificate'?: string;
  'client-key'?: string;
  'tls-server-name'?: string;
  'request-timeout'?: string;
  as?: string;
  'as-group'?: string[];
  'as-uid'?: string;
  username?: string;
  password?: string;
  'cache-dir'?: string;
  v?: number;
  'warnings-as-errors'?: boolean;
  'disable-compression'?: boolean;
  'match-server-version'?: boolean;
};
