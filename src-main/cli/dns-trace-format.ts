import type { DnsTrace } from '../core/contract/model-dns';
import { describeLocation } from '../core/route53/geography';
import { englishDnsText } from './dns-text-en';

/**
 * The layout both `dns trace` commands print (simulated and AWS): a dig-like `;;` header per step,
 * the answer, why, and each competing record set with its facts and verdict. Core explains in codes;
 * this prints them in English (dns-text-en.ts).
 */
export function traceLines(trace: DnsTrace, where: string): string[] {
  const lines = [`;; ${trace.name} ${trace.type} from ${describeLocation(trace.from)} — ${where}`];
  for (const step of trace.steps) {
    lines.push('', `;; ${step.kind} ${step.server} (${step.zone}): ${step.result}`);
    const shown = step.kind === 'root' && step.records.length > 2 ? [...step.records.slice(0, 2), `;; … and ${step.records.length - 2} more`] : step.records;
    lines.push(...shown);
    if (step.note) lines.push(`;; ${englishDnsText(step.note)}`);
  }
  const answer = trace.answer;
  lines.push('', `Answer: ${answer.values.join(', ') || '(none)'} — ${answer.responseCode}${answer.routingPolicy ? `, ${answer.routingPolicy} routing` : ''}${answer.ttl !== undefined ? `, TTL ${answer.ttl}` : ''}`);
  if (answer.explanation.length > 0) {
    lines.push('Why:');
    for (const line of answer.explanation) lines.push(`  ${englishDnsText(line).trim()}`);
  }
  if (answer.candidates.length > 0) {
    lines.push('Record sets:');
    for (const c of answer.candidates) {
      const facts = [
        c.weight !== undefined ? `weight ${c.weight}` : '',
        c.region ?? '',
        c.latencyMs !== undefined ? `${c.latencyMs} ms` : '',
        c.geoLocation ?? '',
        c.failover ?? '',
        c.healthCheckId ? `check ${c.healthCheckId}` : '',
        c.healthy ? 'healthy' : 'unhealthy',
      ].filter(Boolean);
      lines.push(`  ${c.chosen ? '*' : ' '} ${c.setIdentifier ?? '(simple)'} [${facts.join(', ')}] ${c.values.join(' ')} — ${englishDnsText(c.verdict)}`);
    }
  }
  return lines;
}

