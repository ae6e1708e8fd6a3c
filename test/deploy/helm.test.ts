import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { SECRET_KEY_NAME, configVariables, looksSecret } from './support/config-vars';
import { validateObject } from './support/k8s-validators';
import {
  CHART_DIR,
  RENDERS,
  RENDER_NAMESPACE,
  appDeployment,
  containers,
  find,
  loadRender,
  objectId,
  podSpecs,
  renderedAvailable,
  type Json,
  type K8sObject,
  type RenderName,
} from './support/manifests';

/*
 * Policies every rendering of the chart must keep, checked on `helm template` output, which the
 * project's global setup writes (scripts/render-helm.sh).
 */
if (!renderedAvailable()) throw new Error('.cache/helm-rendered/ is missing: run bash scripts/render-helm.sh');

const renders = Object.fromEntries(RENDERS.map((name) => [name, loadRender(name)])) as Record<RenderName, K8sObject[]>;
const each = RENDERS.map((name) => [name] as const);
const objectsOf = (name: RenderName): K8sObject[] => renders[name];

/** Every place a pod may set a value: the container's securityContext, else the pod's. */
function effective(pod: Json, container: Json, field: string): unknown {
  return container.securityContext?.[field] ?? pod.securityContext?.[field];
}

describe('schema validators', () => {
  it('reject what the API server would (so a pass means something)', async () => {
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { selector: {}, template: { spec: { containers: [{ name: 'c', image: 'i:1' }] } } } };
    await expect(validateObject(deployment)).resolves.toBeUndefined();
    await expect(validateObject({ ...deployment, spec: { ...deployment.spec, replicas: 'two' } })).rejects.toThrow(/replicas must be integer/);
    await expect(validateObject({ ...deployment, spec: { ...deployment.spec, template: { spec: { containers: [{ image: 'i:1' }] } } } })).rejects.toThrow(/required property name/);
    await expect(validateObject({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'x' }, spec: { endpoints: 'http' } })).rejects.toThrow();
    await expect(validateObject({ apiVersion: 'v1', kind: 'Unknown', metadata: { name: 'x' } })).rejects.toThrow(/no schema validator/);
  });
});

describe('helm chart renderings', () => {
  it.each(each)('%s: every object is valid against its Kubernetes API schema', async (name) => {
    const objects = objectsOf(name);
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      await expect(validateObject(object).then(() => 'valid')).resolves.toBe('valid');
    }
  });

  it.each(each)('%s: no container runs as root, escalates, writes its root filesystem or keeps capabilities', (name) => {
    for (const { owner, spec } of podSpecs(objectsOf(name))) {
      for (const c of containers(spec)) {
        const where = `${owner} container ${c.name}`;
        expect([where, effective(spec, c, 'runAsNonRoot')]).toEqual([where, true]);
        const uid = effective(spec, c, 'runAsUser');
        expect([where, typeof uid === 'number' && uid !== 0]).toEqual([where, true]);
        expect([where, c.securityContext?.allowPrivilegeEscalation]).toEqual([where, false]);
        expect([where, c.securityContext?.readOnlyRootFilesystem]).toEqual([where, true]);
        expect([where, c.securityContext?.capabilities?.drop]).toEqual([where, expect.arrayContaining(['ALL'])]);
        expect([where, c.securityContext?.capabilities?.add ?? []]).toEqual([where, []]);
        const seccomp = c.securityContext?.seccompProfile?.type ?? spec.securityContext?.seccompProfile?.type;
        expect([where, seccomp]).toEqual([where, 'RuntimeDefault']);
      }
      expect([owner, spec.automountServiceAccountToken]).toEqual([owner, false]);
      expect([owner, spec.hostNetwork ?? false, spec.hostPID ?? false]).toEqual([owner, false, false]);
    }
  });

  it.each(each)('%s: every container has a memory limit and requests', (name) => {
    for (const { owner, spec } of podSpecs(objectsOf(name))) {
      for (const c of containers(spec)) {
        expect([`${owner}/${c.name}`, c.resources?.limits?.memory]).toEqual([`${owner}/${c.name}`, expect.anything()]);
        expect([`${owner}/${c.name}`, c.resources?.requests?.memory]).toEqual([`${owner}/${c.name}`, expect.anything()]);
      }
    }
  });

  it.each(each)('%s: every image is pinned (a tag that is not latest, or a digest)', (name) => {
    for (const { owner, spec } of podSpecs(objectsOf(name))) {
      for (const c of containers(spec)) {
        const image = String(c.image);
        const pinned = /@sha256:[a-f0-9]{64}$/.test(image) || /:[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(image.replace(/^[^/]+:\d+\//, ''));
        expect([owner, image, pinned && !/:latest$/.test(image)]).toEqual([owner, image, true]);
      }
    }
  });

  it.each(each)('%s: ConfigMaps hold no credentials; connection URIs and keys come only from secretKeyRef', (name) => {
    const objects = objectsOf(name);
    for (const cm of find(objects, 'ConfigMap')) {
      for (const [key, value] of Object.entries((cm.data ?? {}) as Record<string, string>)) {
        expect([objectId(cm), key, SECRET_KEY_NAME.test(key)]).toEqual([objectId(cm), key, false]);
        expect([objectId(cm), key, looksSecret(value)]).toEqual([objectId(cm), key, false]);
      }
    }
    for (const { owner, spec } of podSpecs(objects)) {
      for (const c of containers(spec)) {
        for (const env of (c.env ?? []) as Json[]) {
          if (!SECRET_KEY_NAME.test(env.name)) continue;
          expect([owner, env.name, env.value]).toEqual([owner, env.name, undefined]);
          expect([owner, env.name, env.valueFrom?.secretKeyRef?.name]).toEqual([owner, env.name, expect.any(String)]);
        }
      }
    }
  });

  it.each(each)('%s: the app has startup, liveness and readiness probes on the health endpoints', (name) => {
    const app = appDeployment(objectsOf(name)).spec.template.spec.containers[0];
    expect(app.startupProbe.httpGet.path).toBe('/health/live');
    expect(app.livenessProbe.httpGet.path).toBe('/health/live');
    expect(app.readinessProbe.httpGet.path).toBe('/health/ready');
    for (const { owner, spec } of podSpecs(find(objectsOf(name), 'StatefulSet'))) {
      for (const c of containers(spec)) expect([owner, !!c.livenessProbe && !!c.readinessProbe]).toEqual([owner, true]);
    }
  });

  it.each(each)('%s: shutdown drains (preStop, grace period above SHUTDOWN_TIMEOUT_MS) and config changes roll the pods', (name) => {
    const objects = objectsOf(name);
    const deployment = appDeployment(objects);
    const pod = deployment.spec.template.spec;
    const app = pod.containers[0];
    const config = find(objects, 'ConfigMap', deployment.metadata.name)[0]!.data as Record<string, string>;
    const preStop = Number(app.lifecycle.preStop.exec.command[1]);
    expect(preStop).toBeGreaterThan(0);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStop + Number(config.SHUTDOWN_TIMEOUT_MS) / 1000 + 5);
    expect(deployment.spec.template.metadata.annotations['checksum/config']).toMatch(/^[a-f0-9]{64}$/);
    const tmp = (app.volumeMounts as Json[]).find((m) => m.mountPath === '/tmp');
    expect(pod.volumes.find((v: Json) => v.name === tmp?.name)?.emptyDir).toBeDefined();
  });

  it.each(each)('%s: the ConfigMap is a configuration the service accepts', (name) => {
    const objects = objectsOf(name);
    const deployment = appDeployment(objects);
    const data = find(objects, 'ConfigMap', deployment.metadata.name)[0]!.data as Record<string, string>;
    const known = new Set([...configVariables(), 'NODE_OPTIONS']);
    expect(Object.keys(data).filter((k) => !known.has(k))).toEqual([]);
    const env = { ...data, MONGODB_URI: 'mongodb://db:27017/x', AMQP_URL: 'amqp://mq' };
    let problems: readonly string[] = [];
    try {
      loadConfig(env);
    } catch (err) {
      problems = err instanceof ConfigError ? err.problems : [String(err)];
    }
    // The default values leave the identity provider unset on purpose (NOTES.txt warns about it).
    const expected = name === 'default' ? ['JWT_ISSUER: is required', 'JWT_JWKS_URL or JWT_JWKS_FILE: one is required when AUTH_MODE=jwt'] : [];
    expect(problems).toEqual(expected);
    expect(data.AUTH_MODE).toBe('jwt');
  });

  it.each(each)('%s: nothing hard-codes a namespace', (name) => {
    for (const o of objectsOf(name)) {
      expect([objectId(o), o.metadata.namespace]).toEqual([objectId(o), undefined]);
      for (const ns of (o.spec?.namespaceSelector?.matchNames ?? []) as string[]) expect(ns).toBe(RENDER_NAMESPACE);
    }
  });

  it('templates take namespaces from the release only', () => {
    const dir = path.join(CHART_DIR, 'templates');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ya?ml|tpl)$/.test(f));
    for (const file of files) {
      const literal = readFileSync(path.join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => /^\s*(namespace:|- )\s*[a-z]/.test(line) && /namespace/i.test(line) && !line.includes('.Release.Namespace'));
      expect([file, literal]).toEqual([file, []]);
    }
  });

  it('the default rendering exposes nothing: no Ingress, no ServiceMonitor, a ClusterIP Service', () => {
    const objects = objectsOf('default');
    expect(find(objects, 'Ingress')).toEqual([]);
    expect(find(objects, 'ServiceMonitor')).toEqual([]);
    expect(find(objects, 'Service').map((s) => s.spec.type)).toEqual(['ClusterIP']);
    expect(find(objects, 'Secret')).toEqual([]);
    expect(find(objects, 'StatefulSet')).toEqual([]);
  });

  it('Ingress, ServiceMonitor and HPA appear when enabled, and the ServiceMonitor only with its API', () => {
    const objects = objectsOf('ingress-monitoring');
    expect(find(objects, 'Ingress')).toHaveLength(1);
    expect(find(objects, 'ServiceMonitor')).toHaveLength(1);
    expect(find(objects, 'HorizontalPodAutoscaler')).toHaveLength(1);
    expect(appDeployment(objects).spec.replicas).toBeUndefined();
    expect(find(objectsOf('ingress-monitoring-no-crd'), 'ServiceMonitor')).toEqual([]);
  });

  it('the PrometheusRule alerts on dependency_up of this release, and only where its API is served', () => {
    expect(find(objectsOf('default'), 'PrometheusRule')).toEqual([]);
    const [rule] = find(objectsOf('ingress-monitoring'), 'PrometheusRule');
    const alerts = (rule?.spec.groups as Json[]).flatMap((g) => g.rules as Json[]);
    expect(alerts.map((a) => a.alert)).toEqual(['ProcurementSustainabilityBrokerDown', 'ProcurementSustainabilityDatabaseDown']);
    expect(alerts[0]).toMatchObject({ for: '5m', labels: { severity: 'warning' } });
    expect(alerts[0]?.expr).toContain(`dependency_up{dependency="rabbitmq", namespace="${RENDER_NAMESPACE}"`);
    expect(rule?.metadata.labels.release).toBe('prometheus');
    expect(find(objectsOf('ingress-monitoring-no-crd'), 'PrometheusRule')).toEqual([]);
  });

  it('external dependencies: URIs come from the named Secret, and the chart renders no Secret of its own', () => {
    const objects = objectsOf('external');
    const env = appDeployment(objects).spec.template.spec.containers[0].env as Json[];
    for (const name of ['MONGODB_URI', 'AMQP_URL']) {
      expect(env.find((e) => e.name === name)?.valueFrom.secretKeyRef).toEqual({ name: 'procurement-sustainability-credentials', key: name });
    }
    expect(find(objects, 'Secret')).toEqual([]);
    expect(find(objects, 'StatefulSet')).toEqual([]);
  });

  it('in-chart dependencies: official pinned images, persistent volumes, and the app pointed at them', () => {
    const objects = objectsOf('in-chart');
    const sets = find(objects, 'StatefulSet');
    const images = sets.map((s) => s.spec.template.spec.containers[0].image as string).sort();
    expect(images).toEqual([expect.stringMatching(/^mongo:7\.0\.\d+$/), expect.stringMatching(/^rabbitmq:3\.13\.\d+-management$/)]);
    for (const s of sets) expect(s.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBeDefined();
    const env = appDeployment(objects).spec.template.spec.containers[0].env as Json[];
    for (const [name, port] of [['MONGODB_URI', 27017], ['AMQP_URL', 5672]] as const) {
      const ref = env.find((e) => e.name === name)!.valueFrom.secretKeyRef;
      const secret = find(objects, 'Secret', ref.name)[0]!;
      const uri = new URL(Buffer.from(secret.data[ref.key], 'base64').toString());
      const service = find(objects, 'Service', uri.hostname)[0]!;
      expect(service.spec.ports.map((p: Json) => p.port)).toContain(port);
      expect(Number(uri.port)).toBe(port);
    }
  });

  it('in-chart dependencies: their Secrets outlive helm uninstall, like the volume claims whose data they unlock', () => {
    // MongoDB and RabbitMQ read their passwords only on an empty data directory: a reinstall that
    // generated new ones would lock the service out of the kept volumes (scripts/cluster-check.sh
    // shows the reinstall on a real API server).
    const objects = objectsOf('in-chart');
    const kept = (o: K8sObject) => o.metadata.annotations?.['helm.sh/resource-policy'] === 'keep';
    const dependencySecrets = find(objects, 'Secret').filter((s) => /-(mongodb|rabbitmq)$/.test(s.metadata.name));
    expect(dependencySecrets).toHaveLength(2);
    expect(dependencySecrets.filter((s) => !kept(s)).map(objectId)).toEqual([]);
    expect(objects.filter((o) => kept(o) && !dependencySecrets.includes(o)).map(objectId)).toEqual([]);
    for (const name of RENDERS.filter((r) => r !== 'in-chart')) expect([name, objectsOf(name).filter(kept).map(objectId)]).toEqual([name, []]);
  });

  it.each(each)('%s: helm test calls /healthcheck, and no selector of the app picks the test pod', (name) => {
    const objects = objectsOf(name);
    const tests = find(objects, 'Pod').filter((p) => p.metadata.annotations?.['helm.sh/hook'] === 'test');
    expect(tests).toHaveLength(1);
    expect(JSON.stringify(tests[0]!.spec.containers[0])).toContain('/healthcheck');
    const labels = tests[0]!.metadata.labels as Record<string, string>;
    const selectors = [
      ...find(objects, 'Service').map((s) => s.spec.selector as Record<string, string>),
      ...find(objects, 'PodDisruptionBudget').map((p) => p.spec.selector.matchLabels as Record<string, string>),
    ];
    for (const selector of selectors) expect(Object.entries(selector).every(([k, v]) => labels[k] === v)).toBe(false);
  });
});
