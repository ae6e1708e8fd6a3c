import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { CHART_DIR, type Json } from './support/manifests';
import { PROJECT_ROOT } from '../../src/paths';

/*
 * Values the Kubernetes API server refuses (seen on a real one, scripts/cluster-check.sh) must be
 * refused by the chart before anything is installed: by values.schema.json where one value is
 * enough to tell, by the templates where two must be compared.
 */
const schema = JSON.parse(readFileSync(path.join(CHART_DIR, 'values.schema.json'), 'utf8')) as Json;
const defaults = parse(readFileSync(path.join(CHART_DIR, 'values.yaml'), 'utf8')) as Json;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const HELM = path.join(PROJECT_ROOT, '.cache', 'bin', 'helm');

const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
function merged(base: Json, override: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = isMap(value) && isMap(base[key]) ? merged(base[key], value) : value;
  return out;
}

/** Runs `helm template` with the values as a file; returns helm's error output, or '' on success. */
function helmTemplateError(values: Json): string {
  try {
    execFileSync(HELM, ['template', 'r', CHART_DIR, '--kube-version', '1.34.0', '-f', '-'], { input: JSON.stringify(values), stdio: ['pipe', 'ignore', 'pipe'] });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err);
  }
}

const ingress = (host: string, tlsHost = 'ok.example.org') => ({
  ingress: { enabled: true, hosts: [{ host, paths: [{ path: '/', pathType: 'Prefix' }] }], tls: [{ secretName: 'tls', hosts: [tlsHost] }] },
});

// Each refused by the API server, or (priorityClassName) by admission of every pod.
const rejected: [string, Json, RegExp][] = [
  ['a fullnameOverride that is not a DNS label', { fullnameOverride: 'Procurement_API' }, /fullnameOverride/],
  ['a nameOverride that is not a DNS label', { nameOverride: 'Sustainability BB' }, /nameOverride/],
  ['a serviceAccount.name that is not a DNS subdomain', { serviceAccount: { name: 'svc account' } }, /serviceAccount\/name|serviceAccount\.name/],
  ['a podLabels value with a space', { podLabels: { team: 'green it' } }, /podLabels/],
  ['a podLabels key with a space', { podLabels: { 'cost centre': 'x' } }, /'cost centre'/],
  ['a podAnnotations key with a space', { podAnnotations: { 'example.org/bad key': 'x' } }, /'example\.org\/bad key'/],
  ['a nodeSelector key with a space', { nodeSelector: { 'disk type': 'ssd' } }, /'disk type'/],
  ['a nodeSelector value over 63 characters', { nodeSelector: { pool: 'x'.repeat(64) } }, /nodeSelector/],
  ['an ingress host with an underscore', ingress('api_1.example.org'), /hosts/],
  ['an ingress TLS host with an upper-case letter', ingress('ok.example.org', 'API.example.org'), /tls/],
  ['a priorityClassName that is not a DNS subdomain', { priorityClassName: 'High Priority' }, /priorityClassName/],
  ['a ServiceMonitor label value with a slash', { metrics: { serviceMonitor: { labels: { release: 'a/b' } } } }, /labels/],
];

describe('values the API server would refuse', () => {
  it('the defaults and every ci/*-values.yaml pass the schema', () => {
    expect([validate(defaults), validate.errors]).toEqual([true, null]);
    for (const file of readdirSync(path.join(CHART_DIR, 'ci'))) {
      const values = merged(defaults, parse(readFileSync(path.join(CHART_DIR, 'ci', file), 'utf8')) as Json);
      expect([file, validate(values), validate.errors]).toEqual([file, true, null]);
    }
  });

  it('well-formed names, labels, annotations and hosts pass', () => {
    const values = merged(defaults, {
      fullnameOverride: 'procurement-api',
      serviceAccount: { name: 'procurement.sa-1' },
      podLabels: { 'app.example.org/team': 'green-it_2', empty: '' },
      podAnnotations: { 'example.org/note': 'any text, spaces included' },
      nodeSelector: { 'topology.kubernetes.io/zone': 'eu-west-1a' },
      priorityClassName: 'system-cluster-critical',
      ...ingress('*.procurement.example.org', 'api.example.org'),
    });
    expect([validate(values), validate.errors]).toEqual([true, null]);
  });

  it.each(rejected)('the schema refuses %s', (_what, override) => {
    expect(validate(merged(defaults, override))).toBe(false);
  });

  it.each(rejected)('helm template refuses %s, naming the value or key', (_what, override, named) => {
    expect(helmTemplateError(override)).toMatch(named);
  });

  it('helm template refuses autoscaling.minReplicas above maxReplicas (two values: a template check)', () => {
    expect(helmTemplateError({ autoscaling: { enabled: true, minReplicas: 5, maxReplicas: 3 } })).toMatch(
      /autoscaling\.minReplicas \(5\) must not exceed autoscaling\.maxReplicas \(3\)/,
    );
    expect(helmTemplateError({ autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 3 } })).toBe('');
  });
});
