import type { K8sObject } from './manifests';

/**
 * JSON-schema validators of the Kubernetes (and Prometheus Operator) API, from the
 * kubernetes-models packages. They are ES modules only, so they are loaded with import(): the
 * jest project must keep dynamic imports (swc `module.ignoreDynamic: true`).
 */
interface Validatable {
  validate(): void;
}
type ModelClass = new (data: any) => Validatable;

const loaders: Record<string, () => Promise<ModelClass>> = {
  'v1/ConfigMap': async () => (await import('kubernetes-models/v1/ConfigMap')).ConfigMap,
  'v1/Secret': async () => (await import('kubernetes-models/v1/Secret')).Secret,
  'v1/Service': async () => (await import('kubernetes-models/v1/Service')).Service,
  'v1/ServiceAccount': async () => (await import('kubernetes-models/v1/ServiceAccount')).ServiceAccount,
  'v1/Pod': async () => (await import('kubernetes-models/v1/Pod')).Pod,
  'apps/v1/Deployment': async () => (await import('kubernetes-models/apps/v1/Deployment')).Deployment,
  'apps/v1/StatefulSet': async () => (await import('kubernetes-models/apps/v1/StatefulSet')).StatefulSet,
  'autoscaling/v2/HorizontalPodAutoscaler': async () =>
    (await import('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler')).HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': async () => (await import('kubernetes-models/policy/v1/PodDisruptionBudget')).PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': async () => (await import('kubernetes-models/networking.k8s.io/v1/NetworkPolicy')).NetworkPolicy,
  'networking.k8s.io/v1/Ingress': async () => (await import('kubernetes-models/networking.k8s.io/v1/Ingress')).Ingress,
  'monitoring.coreos.com/v1/ServiceMonitor': async () =>
    (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor')).ServiceMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': async () =>
    (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule')).PrometheusRule,
};

/** Validates one object against its API schema; throws naming the problem (or an unknown kind). */
export async function validateObject(object: K8sObject): Promise<void> {
  const load = loaders[`${object.apiVersion}/${object.kind}`];
  if (!load) throw new Error(`no schema validator for ${object.apiVersion} ${object.kind}: add one to test/deploy/support/k8s-validators.ts`);
  const Model = await load();
  new Model(object).validate();
}
