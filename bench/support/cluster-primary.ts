// Runs REPLICAS copies of the built service (dist/main.js) behind one port with node:cluster, whose
// primary accepts connections and hands them to the workers round-robin: several replicas of the
// service sharing one database and one exchange, as behind a Kubernetes Service.
import cluster from 'node:cluster';
import path from 'node:path';

const replicas = Number(process.env.REPLICAS ?? 2);
cluster.schedulingPolicy = cluster.SCHED_RR;
cluster.setupPrimary({ exec: path.join(__dirname, '..', '..', 'dist', 'main.js'), execArgv: [] });
for (let i = 0; i < replicas; i++) cluster.fork();

let stopping = false;
cluster.on('exit', (worker, code) => {
  if (!stopping) {
    process.stderr.write(`replica ${worker.id} exited with ${code}\n`);
    process.exit(1);
  }
  if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
});
process.on('SIGTERM', () => {
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
});
