"""Drives kctl's server with Debian's python3-kubernetes; prints one JSON object with what it saw.

Usage: client_script.py KUBECONFIG NAMESPACE
"""
import json
import sys

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

kubeconfig, ns = sys.argv[1], sys.argv[2]
config.load_kube_config(config_file=kubeconfig)
v1 = client.CoreV1Api()
out = {}

out["namespaces"] = sorted(n.metadata.name for n in v1.list_namespace().items)
start = v1.list_namespaced_config_map(ns)
out["listed"] = [c.metadata.name for c in start.items]
rv = start.metadata.resource_version

created = v1.create_namespaced_config_map(
    ns, client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py-cm", labels={"app": "py"}), data={"a": "1"})
)
out["created_uid"] = bool(created.metadata.uid)

patched = v1.patch_namespaced_config_map("py-cm", ns, {"data": {"b": "2"}, "metadata": {"labels": {"tier": "x"}}})
out["patched_data"] = patched.data
out["patched_labels"] = patched.metadata.labels

out["selected"] = [c.metadata.name for c in v1.list_namespaced_config_map(ns, label_selector="app=py").items]

try:
    v1.read_namespaced_config_map("missing", ns)
    out["missing_status"] = 200
except ApiException as e:
    out["missing_status"] = e.status
    out["missing_reason"] = json.loads(e.body).get("reason")

events = []
w = watch.Watch()
for ev in w.stream(v1.list_namespaced_config_map, ns, resource_version=rv, timeout_seconds=2):
    events.append("%s %s" % (ev["type"], ev["object"].metadata.name))
out["watch_events"] = events

v1.delete_namespaced_config_map("py-cm", ns)
out["after_delete"] = [c.metadata.name for c in v1.list_namespaced_config_map(ns).items]
print(json.dumps(out))
