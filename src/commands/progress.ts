// Progress of a run on stderr: a cli-progress bar on a terminal, one plain line per replication otherwise,
// nothing when quiet. Reports replications done, events per second and the time left.
import cliProgress from 'cli-progress';
import type { ExperimentProgress } from '../experiment/runner/experiment.js';
import type { CommandContext } from './context.js';

/** Receives progress reports; `stop` ends the display. */
export interface ProgressReporter {
  start: (total: number) => void;
  update: (p: ExperimentProgress) => void;
  stop: () => void;
}

/** Events per second, short: '950', '12.3k', '1.2M'. */
export function formatRate(perS: number): string {
  if (!Number.isFinite(perS) || perS <= 0) return '0';
  if (perS >= 1e6) return `${(perS / 1e6).toFixed(1)}M`;
  if (perS >= 1e3) return `${(perS / 1e3).toFixed(1)}k`;
  return perS.toFixed(0);
}

/** Seconds as '42 s', '3 min 05 s' or '1 h 02 min'. */
export function formatDuration(s: number): string {
  const total = Math.max(0, Math.round(s));
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(total / 3600)} h ${String(Math.floor((total % 3600) / 60)).padStart(2, '0')} min`;
}

/** The reporter that fits the context: silent when `quiet`, a bar when stderr is a terminal, lines otherwise. */
export function createProgress(ctx: CommandContext, quiet: boolean): ProgressReporter {
  if (quiet) return { start: () => undefined, update: () => undefined, stop: () => undefined };
  let startedMs = 0;
  const rate = (p: ExperimentProgress): number => p.events / Math.max(1e-9, (ctx.now() - startedMs) / 1000);
  if (ctx.progressStream) {
    const bar = new cliProgress.SingleBar(
      {
        stream: ctx.progressStream,
        format: 'replications {bar} {value}/{total} | {rate} events/s | {left} left',
        hideCursor: true,
        clearOnComplete: false,
        etaBuffer: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: (total) => {
        startedMs = ctx.now();
        bar.start(total, 0, { rate: '-', left: '-' });
      },
      update: (p) => {
        const elapsedS = (ctx.now() - startedMs) / 1000;
        const leftS = (elapsedS / p.done) * (p.total - p.done);
        bar.update(p.done, { rate: formatRate(rate(p)), left: formatDuration(leftS) });
      },
      stop: () => bar.stop(),
    };
  }
  return {
    start: (total) => {
      startedMs = ctx.now();
      ctx.stderr(`running ${total} replication${total === 1 ? '' : 's'}\n`);
    },
    update: (p) => {
      const elapsedS = (ctx.now() - startedMs) / 1000;
      const leftS = (elapsedS / p.done) * (p.total - p.done);
      ctx.stderr(`replication ${p.done}/${p.total} done, ${formatRate(rate(p))} events/s, ${formatDuration(leftS)} left\n`);
    },
    stop: () => undefined,
  };
}
