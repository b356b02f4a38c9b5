import { Flags } from '@oclif/core';
import { parseGoDurationMs } from '../api/duration.js';
import { ClientCommand } from '../cli/client-command.js';
import { runLogs } from '../streams/pod-logs.js';

/** kubectl's duration flags: a bad value is a flag error with cobra's wording. */
function durationFlag(name: string, value: string): number {
  try {
    return parseGoDurationMs(value);
  } catch (e) {
    throw new Error(
      `invalid argument ${JSON.stringify(value)} for "--${name}" flag: ${(e as Error).message}\nSee 'kctl logs --help' for usage.`,
    );
  }
}

export default class Logs extends ClientCommand {
  static override summary = 'Print the logs for a container in a pod';
  static override description =
    'Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.';
  static override examples = [
    'kctl logs nginx',
    'kctl logs nginx --all-containers=true',
    'kctl logs -l app=nginx --all-containers=true',
    'kctl logs -f -c ruby web-1',
    'kctl logs --tail=20 nginx',
    'kctl logs --since=1h nginx',
    'kctl logs deployment/nginx -c nginx-1',
  ];
  static override strict = false;
  static override flags = {
    'all-containers': Flags.boolean({ description: "Get all containers' logs in the pod(s)." }),
    follow: Flags.boolean({ char: 'f', description: 'Specify if the logs should be streamed.' }),
    timestamps: Flags.boolean({ description: 'Include timestamps on each line in the log output' }),
    'limit-bytes': Flags.integer({ default: 0, description: 'Maximum bytes of logs to return. Defaults to no limit.' }),
    previous: Flags.boolean({
      char: 'p',
      description: 'If true, print the logs for the previous instance of the container in a pod if it exists.',
    }),
    tail: Flags.integer({
      default: -1,
      description:
        'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
    }),
    'ignore-errors': Flags.boolean({
      description: 'If watching / following pod logs, allow for any errors that occur to be non-fatal',
    }),
    'since-time': Flags.string({
      description:
        'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.',
    }),
    since: Flags.string({
      default: '0s',
      description:
        'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.',
    }),
    container: Flags.string({ char: 'c', description: 'Print the logs of this container' }),
    'insecure-skip-tls-verify-backend': Flags.boolean({
      description: 'Skip verifying the identity of the kubelet that logs are requested from.',
    }),
    'pod-running-timeout': Flags.string({
      default: '20s',
      description:
        'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
    }),
    selector: Flags.string({ char: 'l', description: 'Selector (label query) to filter on.' }),
    'max-log-requests': Flags.integer({
      default: 5,
      description: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.',
    }),
    prefix: Flags.boolean({ description: 'Prefix each log line with the log source (pod name and container name)' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Logs);
    const given = (name: string) => this.argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    const sinceMs = durationFlag('since', flags.since);
    const podRunningTimeoutMs = durationFlag('pod-running-timeout', flags['pod-running-timeout']);
    await runLogs(
      this.client(flags),
      {
        args: argv as string[],
        container: flags.container,
        containerFlag: flags.container !== undefined,
        selector: flags.selector,
        allContainers: flags['all-containers'],
        follow: flags.follow,
        previous: flags.previous,
        timestamps: flags.timestamps,
        ignoreErrors: flags['ignore-errors'],
        prefix: flags.prefix,
        insecureSkipTlsVerifyBackend: flags['insecure-skip-tls-verify-backend'],
        tail: flags.tail,
        tailGiven: given('tail'),
        limitBytes: flags['limit-bytes'],
        sinceMs,
        sinceTime: flags['since-time'],
        maxLogRequests: flags['max-log-requests'],
        podRunningTimeoutMs,
      },
      {
        out: process.stdout,
        warn: (s) => this.err(s),
        usageError: (msg) => new Error(`${msg}\nSee 'kctl logs -h' for help and examples`),
      },
    );
  }
}
