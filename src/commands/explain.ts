// `validate --explain`: each crossing's routes as text, one line of steps per demand source.
import type { RouteDescription, RouteStepDescription } from '../model/describe.js';

/** One step as text: `gate (border-customs hours)`, `zone place (40)`, `x-ray 33% ×2`. */
function stepText(s: RouteStepDescription): string {
  switch (s.kind) {
    case 'booking':
      return `booked slot (${s.slotsPerHour} an hour${s.noShowShare > 0 ? `, ${+(s.noShowShare * 100).toFixed(2)}% no-shows` : ''})`;
    case 'gate':
      return `gate (${s.keepsHoursOf ?? 'open'} hours)`;
    case 'zone-enter':
      return `zone place (${s.places})`;
    case 'enter':
      return 'leaves the approach';
    case 'stage': {
      const share = s.share < 1 ? ` ${+(s.share * 100).toFixed(2)}%` : '';
      const wagons = s.wagonPlaces === null ? '' : ` + ${s.wagonPlaces} wagon places`;
      const changes = s.changes.map((c) => `, ×${c.servers} from ${c.fromDate}`).join('');
      return `${s.stage}${share} ×${s.servers}${changes}${wagons}${s.entersOnStart ? ' (leaves the approach when served)' : ''}`;
    }
    case 'zone-leave':
      return 'leaves its place';
  }
}

/** The steps as text; a zone place is where the approach ends, so the step after it is not repeated. */
function stepsText(steps: readonly RouteStepDescription[]): string {
  const shown = steps.filter((s, i) => !(s.kind === 'enter' && steps[i - 1]?.kind === 'zone-enter'));
  return shown.map(stepText).join(' → ') || 'no stage';
}

/** A source's rate; a corridor's is the corridor's, shared by its rule, with this crossing's detour. */
function rateText(r: RouteDescription): string {
  const perDay = `${+r.vehiclesPerDay.toFixed(1)} a day`;
  const k = r.corridor;
  if (k === null) return perDay;
  const here = k.fixedRoute ? 'the fixed route' : `a ${+k.detourH.toFixed(2)} h detour`;
  const foreseeing = k.foresight === 'queue' ? '' : ` (foreseeing ${k.foresight.replace(/-/g, ' ')})`;
  const shared = k.rule === 'fixed' ? 'all by the fixed route' : `shared by ${k.rule}${foreseeing} among ${k.crossings.join(', ')}`;
  return `corridor ${k.id}: ${perDay} ${shared}; here ${here}`;
}

/** The routes as lines: a crossing's id, then for each source its flow and its steps (cars carry no cargo). */
export function formatRoutes(routes: readonly RouteDescription[]): string[] {
  const lines: string[] = [];
  let crossing = '';
  for (const r of routes) {
    if (r.crossing !== crossing) {
      crossing = r.crossing;
      lines.push(`  ${crossing}`);
    }
    const flow = r.vehicleClass === 'car' ? `${r.direction} car` : `${r.direction} ${r.vehicleClass} ${r.cargo}`;
    lines.push(`    ${r.source} (${flow}, ${rateText(r)}): ${stepsText(r.steps)}`);
  }
  return lines;
}
