import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { PROJECT_ROOT } from '../../../src/paths';

/**
 * The chart's rendered manifests, written by scripts/render-helm.sh (helm template) into
 * .cache/helm-rendered/<render>.yaml; the jest project's global setup runs it, and these tests
 * only read its output.
 */
export const CHART_DIR = path.join(PROJECT_ROOT, 'helm', 'procurement-sustainability');
export const RENDER_DIR = path.join(PROJECT_ROOT, '.cache', 'helm-rendered');
/** The namespace deploy-checks.sh renders into (helm template --namespace). */
export const RENDER_NAMESPACE = 'procurement-ci';

/** default: values.yaml only; the others: ci/<name>-values.yaml; *-no-crd: without monitoring.coreos.com/v1. */
export const RENDERS = ['default', 'external', 'in-chart', 'ingress-monitoring', 'ingress-monitoring-no-crd'] as const;
export type RenderName = (typeof RENDERS)[number];

export type Json = Record<string, any>;
export interface K8sObject extends Json {
  apiVersion: string;
  kind: string;
  metadata: Json & { name: string };
}

export function renderedAvailable(): boolean {
  return RENDERS.every((name) => existsSync(path.join(RENDER_DIR, `${name}.yaml`)));
}

export function loadRender(name: RenderName): K8sObject[] {
  const file = path.join(RENDER_DIR, `${name}.yaml`);
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null);
}

export const objectId = (o: K8sObject): string => `${o.kind}/${o.metadata.name}`;

/** The pod template (or the pod) of every workload in a render. */
export function podSpecs(objects: readonly K8sObject[]): { owner: string; spec: Json; metadata: Json }[] {
  return objects.flatMap((o) => {
    if (o.kind === 'Pod') return [{ owner: objectId(o), spec: o.spec as Json, metadata: o.metadata }];
    if (['Deployment', 'StatefulSet', 'DaemonSet', 'Job'].includes(o.kind)) {
      return [{ owner: objectId(o), spec: o.spec.template.spec as Json, metadata: o.spec.template.metadata as Json }];
    }
    return [];
  });
}

export function containers(spec: Json): Json[] {
  return [...((spec.initContainers as Json[] | undefined) ?? []), ...((spec.containers as Json[] | undefined) ?? [])];
}

export const find = (objects: readonly K8sObject[], kind: string, name?: string): K8sObject[] =>
  objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));

/** The one app Deployment of a render. */
export function appDeployment(objects: readonly K8sObject[]): K8sObject {
  const [deployment, ...others] = find(objects, 'Deployment');
  if (!deployment || others.length > 0) throw new Error('expected exactly one Deployment');
  return deployment;
}
