// Reads Spectral's JSON output (a file, or standard input) and prints the counts by severity and by rule.
import { readFileSync } from 'node:fs';

const results = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
const severities = ['error', 'warning', 'info', 'hint'];
const bySeverity = new Map();
const byRule = new Map();
for (const { code, severity } of results) {
  const name = severities[severity];
  bySeverity.set(name, (bySeverity.get(name) ?? 0) + 1);
  const key = `${name}\t${code}`;
  byRule.set(key, (byRule.get(key) ?? 0) + 1);
}
console.log(severities.map((s) => `${bySeverity.get(s) ?? 0} ${s}s`).join(', '));
for (const [key, count] of [...byRule].sort((a, b) =>
  severities.indexOf(a[0].split('\t')[0]) - severities.indexOf(b[0].split('\t')[0]) || b[1] - a[1] || a[0].localeCompare(b[0]))) {
  const [severity, rule] = key.split('\t');
  console.log(`${String(count).padStart(6)}  ${severity.padEnd(7)} ${rule}`);
}
