/**
 * `flightdeck` — the headless face of Flightdeck: web mode and the simulator from a terminal.
 * Bundled by electron-vite next to the Electron main process (out/main/cli.js), so it runs the very
 * same core code as the desktop app; bin/flightdeck.js loads it.
 */
import { reportError, UsageError, EXIT } from './output';

// Each command's module is loaded when that command runs (issue 15): `sim run` never loads the AWS SDK
// that `serve` and `aws` need (1.1 s of CPU and ~100 MiB for a one-minute simulation).
// test/unit/cli/sim-run-imports.test.ts keeps it so.
async function usage(): Promise<string> {
  const [{ SERVE_USAGE }, { SIM_RUN_USAGE }, { SIM_BACKTEST_USAGE }, { DNS_TRACE_USAGE }, { AWS_SNAPSHOT_USAGE }, { DNS_TRACE_AWS_USAGE }, { AWS_EXPORT_USAGE }] = await Promise.all([
    import('./serve'),
    import('./sim-run'),
    import('./sim-backtest'),
    import('./dns-trace'),
    import('./aws-snapshot'),
    import('./dns-trace-aws'),
    import('./aws-export'),
  ]);
  return `Flightdeck — monitoring and control for ALB, Auto Scaling, Route 53, RDS and Lambda.

Usage:
  ${SERVE_USAGE.split('\n').join('\n  ')}

  ${SIM_RUN_USAGE.split('\n').join('\n  ')}

  ${SIM_BACKTEST_USAGE.split('\n').join('\n  ')}

  ${DNS_TRACE_USAGE.split('\n').join('\n  ')}

  ${AWS_SNAPSHOT_USAGE.split('\n').join('\n  ')}

  ${AWS_EXPORT_USAGE.split('\n').join('\n  ')}

  ${DNS_TRACE_AWS_USAGE.split('\n').join('\n  ')}

  flightdeck help`;
}

/** `--help`/`-h` anywhere after a command prints that command's usage (and exits 0), never runs it. */
async function commandUsage(command: string | undefined, sub: string | undefined): Promise<string | undefined> {
  switch (command) {
    case 'serve':
      return (await import('./serve')).SERVE_USAGE;
    case 'sim':
      return sub === 'backtest' ? (await import('./sim-backtest')).SIM_BACKTEST_USAGE : (await import('./sim-run')).SIM_RUN_USAGE;
    case 'dns':
      return `${(await import('./dns-trace')).DNS_TRACE_USAGE}\n\n${(await import('./dns-trace-aws')).DNS_TRACE_AWS_USAGE}`;
    case 'aws':
      if (sub === 'export') return (await import('./aws-export')).AWS_EXPORT_USAGE;
      return sub === 'snapshot' || sub === 'regions' || sub === undefined || sub.startsWith('-') ? (await import('./aws-snapshot')).AWS_SNAPSHOT_USAGE : undefined;
    default:
      return undefined;
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (rest.includes('--help') || rest.includes('-h')) {
    const text = await commandUsage(command, rest[0]);
    if (text) {
      process.stdout.write(`Usage:\n  ${text.split('\n').join('\n  ')}\n`);
      return EXIT.ok;
    }
  }
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${await usage()}\n`);
        return command === undefined ? EXIT.usage : EXIT.ok;
      case 'serve':
        return await (await import('./serve')).serve(rest);
      case 'sim': {
        const [sub, ...simArgs] = rest;
        if (sub === 'run') return await (await import('./sim-run')).simRun(simArgs);
        if (sub === 'backtest') return await (await import('./sim-backtest')).simBacktest(simArgs);
        throw new UsageError(`unknown command "sim ${sub ?? ''}"; did you mean \`flightdeck sim run\` or \`flightdeck sim backtest\`?`);
      }
      case 'aws':
        if (rest[0] === 'export') return await (await import('./aws-export')).awsExport(rest.slice(1));
        return await (await import('./aws-snapshot')).awsCommand(rest);
      case 'dns': {
        const [sub, ...dnsArgs] = rest;
        if (sub === 'trace') return await (await import('./dns-trace')).dnsTrace(dnsArgs);
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
