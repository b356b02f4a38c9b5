/** networking.k8s.io/v1 (staging/src/k8s.io/api/networking/v1/types.go). */
import type { Definitions } from '../../../api/openapi-schema.js';
import {
  atomic,
  core,
  enumStr,
  int32,
  intOrString,
  kindObj,
  listKind,
  mapList,
  meta,
  obj,
  ref,
  str,
} from '../schema-dsl.js';

export const NET = 'io.k8s.api.networking.v1.';
const gvk = (kind: string) => ({ group: 'networking.k8s.io', version: 'v1', kind });
const net = (name: string, description?: string) => ref(NET + name, description);
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export const networkingDefinitions: Definitions = {
  // ---- Ingress ----
  [`${NET}Ingress`]: kindObj(
    gvk('Ingress'),
    { spec: net('IngressSpec'), status: net('IngressStatus') },
    { description: 'A collection of rules that allow inbound connections to reach backends.' },
  ),
  [`${NET}IngressList`]: listKind(gvk('IngressList'), `${NET}Ingress`),
  [`${NET}IngressSpec`]: obj({
    defaultBackend: net('IngressBackend'),
    ingressClassName: str(),
    rules: atomic(net('IngressRule')),
    tls: atomic(net('IngressTLS')),
  }),
  [`${NET}IngressBackend`]: obj({ resource: core('TypedLocalObjectReference'), service: net('IngressServiceBackend') }),
  [`${NET}IngressServiceBackend`]: obj({ name: str(), port: net('ServiceBackendPort') }, { required: ['name'] }),
  [`${NET}ServiceBackendPort`]: obj({ name: str(), number: int32() }, { mapType: 'atomic' }),
  [`${NET}IngressRule`]: obj({ host: str(), http: net('HTTPIngressRuleValue') }),
  [`${NET}HTTPIngressRuleValue`]: obj({ paths: atomic(net('HTTPIngressPath')) }, { required: ['paths'] }),
  [`${NET}HTTPIngressPath`]: obj(
    {
      backend: net('IngressBackend'),
      path: str(),
      pathType: enumStr(['Exact', 'ImplementationSpecific', 'Prefix']),
    },
    { required: ['pathType', 'backend'] },
  ),
  [`${NET}IngressTLS`]: obj({ hosts: atomic(str()), secretName: str() }),
  [`${NET}IngressStatus`]: obj({ loadBalancer: net('IngressLoadBalancerStatus') }),
  [`${NET}IngressLoadBalancerStatus`]: obj({ ingress: atomic(net('IngressLoadBalancerIngress')) }),
  [`${NET}IngressLoadBalancerIngress`]: obj({ hostname: str(), ip: str(), ports: atomic(net('IngressPortStatus')) }),
  [`${NET}IngressPortStatus`]: obj(
    { error: str(), port: int32(), protocol: enumStr(PROTOCOLS) },
    { required: ['port', 'protocol'] },
  ),

  // ---- IngressClass ----
  [`${NET}IngressClass`]: kindObj(
    gvk('IngressClass'),
    { spec: net('IngressClassSpec') },
    { description: 'The class of an Ingress, referenced by the Ingress spec.' },
  ),
  [`${NET}IngressClassList`]: listKind(gvk('IngressClassList'), `${NET}IngressClass`),
  [`${NET}IngressClassSpec`]: obj({ controller: str(), parameters: net('IngressClassParametersReference') }),
  [`${NET}IngressClassParametersReference`]: obj(
    { apiGroup: str(), kind: str(), name: str(), namespace: str(), scope: str() },
    { required: ['kind', 'name'] },
  ),

  // ---- NetworkPolicy ----
  [`${NET}NetworkPolicy`]: kindObj(
    gvk('NetworkPolicy'),
    { spec: net('NetworkPolicySpec') },
    { description: 'What network traffic is allowed for a set of Pods.' },
  ),
  [`${NET}NetworkPolicyList`]: listKind(gvk('NetworkPolicyList'), `${NET}NetworkPolicy`),
  [`${NET}NetworkPolicySpec`]: obj({
    egress: atomic(net('NetworkPolicyEgressRule')),
    ingress: atomic(net('NetworkPolicyIngressRule')),
    podSelector: meta('LabelSelector'),
    policyTypes: atomic(str()),
  }),
  [`${NET}NetworkPolicyIngressRule`]: obj({
    from: atomic(net('NetworkPolicyPeer')),
    ports: atomic(net('NetworkPolicyPort')),
  }),
  [`${NET}NetworkPolicyEgressRule`]: obj({
    ports: atomic(net('NetworkPolicyPort')),
    to: atomic(net('NetworkPolicyPeer')),
  }),
  [`${NET}NetworkPolicyPeer`]: obj({
    ipBlock: net('IPBlock'),
    namespaceSelector: meta('LabelSelector'),
    podSelector: meta('LabelSelector'),
  }),
  [`${NET}IPBlock`]: obj({ cidr: str(), except: atomic(str()) }, { required: ['cidr'] }),
  [`${NET}NetworkPolicyPort`]: obj({ endPort: int32(), port: intOrString(), protocol: enumStr(PROTOCOLS) }),

  // ---- IPAddress / ServiceCIDR ----
  [`${NET}IPAddress`]: kindObj(
    gvk('IPAddress'),
    { spec: net('IPAddressSpec') },
    { description: 'A single IP of a single IP family, allocated to a Service.' },
  ),
  [`${NET}IPAddressList`]: listKind(gvk('IPAddressList'), `${NET}IPAddress`),
  [`${NET}IPAddressSpec`]: obj({ parentRef: net('ParentReference') }, { required: ['parentRef'] }),
  [`${NET}ParentReference`]: obj(
    { group: str(), name: str(), namespace: str(), resource: str() },
    { required: ['resource', 'name'] },
  ),
  [`${NET}ServiceCIDR`]: kindObj(
    gvk('ServiceCIDR'),
    { spec: net('ServiceCIDRSpec'), status: net('ServiceCIDRStatus') },
    { description: 'CIDRs used to allocate Service ClusterIPs.' },
  ),
  [`${NET}ServiceCIDRList`]: listKind(gvk('ServiceCIDRList'), `${NET}ServiceCIDR`),
  [`${NET}ServiceCIDRSpec`]: obj({ cidrs: atomic(str()) }),
  [`${NET}ServiceCIDRStatus`]: obj({ conditions: mapList(meta('Condition'), ['type']) }),
};
