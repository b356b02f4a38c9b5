import { it } from 'vitest';
import { runKctlInProcess } from '/work/main/test/compat/parity-support.js';
it('p', async () => {
  process.chdir('/tmp/kg');
  for (const a of [['create','ingress','ing','--rule=foo.com/bar=svc1:8080,tls=my-cert','--rule=bar.com/=s:1,tls=my-cert','-o','json','--dry-run=client'],['create','secret','tls','t','--cert=c.pem','--key=c.pem','--dry-run=client'],['create','rolebinding','rb','--dry-run=client']]) {
    const r = await runKctlInProcess(a, { KUBECONFIG: '/nonexist' });
    console.log(JSON.stringify(r));
  }
});
