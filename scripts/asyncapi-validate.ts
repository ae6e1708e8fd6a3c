/**
 * Validates api/asyncapi.yaml (and the api/events/*.schema.json it references) with
 * @asyncapi/parser: prints every diagnostic and exits 1 when any is an error. Warnings and
 * hints are printed but not fatal. Usage: `tsx scripts/asyncapi-validate.ts [file]`.
 */
import path from 'node:path';
import { DiagnosticSeverity, Parser, fromFile } from '@asyncapi/parser';

// Numbers: the parser's DiagnosticSeverity and the one on Diagnostic come from two copies of @stoplight/types.
const isError = (severity: number): boolean => severity === Number(DiagnosticSeverity.Error);

async function main(): Promise<number> {
  const file = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'api', 'asyncapi.yaml'));
  const { document, diagnostics } = await fromFile(new Parser(), file).parse();
  for (const d of diagnostics) {
    const level = DiagnosticSeverity[d.severity] ?? String(d.severity);
    const where = d.path.length > 0 ? d.path.join('/') : '(root)';
    const line = `${path.relative(process.cwd(), file)}:${d.range.start.line + 1} ${level} ${String(d.code)} at ${where}: ${d.message}`;
    if (isError(d.severity)) console.error(line);
    else console.log(line);
  }
  const errors = diagnostics.filter((d) => isError(d.severity)).length;
  if (errors > 0 || !document) {
    console.error(`${path.relative(process.cwd(), file)}: ${errors} error(s)`);
    return 1;
  }
  console.log(`${path.relative(process.cwd(), file)}: valid AsyncAPI ${document.version()} (${document.allMessages().length} messages, ${diagnostics.length} non-error diagnostic(s))`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
