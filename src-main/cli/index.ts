/**
 * `flightdeck` — the headless face of Flightdeck: web mode and the simulator from a terminal.
 * Bundled by electron-vite next to the Electron main process (out/main/cli.js), so it runs the very
 * same core code as the desktop app; bin/flightdeck.js loads it.
 */
import { dnsTrace, DNS_TRACE_USAGE } from './dns-trace';
import { reportError, UsageError, EXIT } from './output';
import { serve, SERVE_USAGE } from './serve';
import { simRun, SIM_RUN_USAGE } from './sim-run';
import { awsCommand, AWS_SNAPSHOT_USAGE } from './aws-snapshot';
import { DNS_TRACE_AWS_USAGE } from './dns-trace-aws';

const USAGE = `Flightdeck — monitoring and control for ALB, Auto Scaling, Route 53, RDS and Lambda.

Usage:
  ${SERVE_USAGE.split('\n').join('\n  ')}

  ${SIM_RUN_USAGE.split('\n').join('\n  ')}

  ${DNS_TRACE_USAGE.split('\n').join('\n  ')}

  ${AWS_SNAPSHOT_USAGE.split('\n').join('\n  ')}

  ${DNS_TRACE_AWS_USAGE.split('\n').join('\n  ')}

  flightdeck help`;

/** `--help`/`-h` anywhere after a command prints that command's usage (and exits 0), never runs it. */
function commandUsage(command: string | undefined, sub: string | undefined): string | undefined {
  switch (command) {
    case 'serve':
      return SERVE_USAGE;
    case 'sim':
      return SIM_RUN_USAGE;
    case 'dns':
      return `${DNS_TRACE_USAGE}\n\n${DNS_TRACE_AWS_USAGE}`;
    case 'aws':
      return sub === 'snapshot' || sub === 'regions' || sub === undefined || sub.startsWith('-') ? AWS_SNAPSHOT_USAGE : undefined;
    default:
      return undefined;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (rest.includes('--help') || rest.includes('-h')) {
    const usage = commandUsage(command, rest[0]);
    if (usage) {
      process.stdout.write(`Usage:\n  ${usage.split('\n').join('\n  ')}\n`);
      return EXIT.ok;
    }
  }
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      case 'serve':
        return await serve(rest);
      case 'sim': {
        const [sub, ...simArgs] = rest;
        if (sub === 'run') return simRun(simArgs);
        throw new UsageError(`unknown command "sim ${sub ?? ''}"; did you mean \`flightdeck sim run\`?`);
      }
      case 'aws':
        return await awsCommand(rest);
      case 'dns': {
        const [sub, ...dnsArgs] = rest;
        if (sub === 'trace') return await dnsTrace(dnsArgs);
        throw new UsageError(`unknown command "dns ${sub ?? ''}"; did you mean \`flightdeck dns trace\`?`);
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    // parseArgs throws TypeErrors with a code for unknown or malformed options.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      return reportError(new UsageError(error.message));
    }
    return reportError(error);
  }
}
