import type { GlobalFlagValues } from '../cli/global-flags.js';
import type { ConfigOverrides } from './kubeconfig/resolve.js';

/** Maps parsed global flags (kubectl names) to kubeconfig overrides. */
export function overridesFromFlags(f: GlobalFlagValues): ConfigOverrides {
  return {
    context: f.context || undefined,
    cluster: f.cluster || undefined,
    user: f.user || undefined,
    namespace: f.namespace || undefined,
    server: f.server || undefined,
    token: f.token || undefined,
    insecureSkipTlsVerify: f['insecure-skip-tls-verify'] || undefined,
    certificateAuthority: f['certificate-authority'] || undefined,
    clientCertificate: f['client-certificate'] || undefined,
    clientKey: f['client-key'] || undefined,
    tlsServerName: f['tls-server-name'] || undefined,
    requestTimeout: f['request-timeout'],
    as: f.as || undefined,
    asGroups: f['as-group']?.filter(Boolean),
    asUid: f['as-uid'] || undefined,
    username: f.username || undefined,
    password: f.password || undefined,
    disableCompression: f['disable-compression'] || undefined,
  };
}
