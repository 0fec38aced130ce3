import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { ResultView } from '../contract';
import type { RoomState } from '../state';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const colors = { open: '#0f766e', closed: '#6d28d9', for: '#0f766e', against: '#b91c1c', undecided: '#57534e', neutral: '#1d4ed8' };

interface Series {
  labels: string[];
  /** The value axis ends here when set (100 for percentages). */
  max?: number;
  datasets: { label: string; data: number[]; backgroundColor: string | string[] }[];
  horizontal: boolean;
  unit: string;
}

/** The chart for a result: ranking by points, motion shares, or before/after for the persuasion. */
export function seriesFor(state: RoomState, result: ResultView): Series {
  if (result.persuasion) {
    const p = result.persuasion;
    return {
      labels: [`For ${p.forGain > 0 ? '+' : ''}${p.forGain} pts`, `Against ${p.againstGain > 0 ? '+' : ''}${p.againstGain} pts`, 'Undecided'],
      max: 100,
      datasets: [
        { label: 'Before', data: [p.before.forPercent, p.before.againstPercent, p.before.undecidedPercent], backgroundColor: '#a8a29e' },
        { label: 'After', data: [p.after.forPercent, p.after.againstPercent, p.after.undecidedPercent], backgroundColor: [colors.for, colors.against, colors.undecided] },
      ],
      horizontal: false,
      unit: '%',
    };
  }
  if (result.motion) {
    const m = result.motion;
    return {
      labels: [`For ${m.forPercent}%`, `Against ${m.againstPercent}%`, `Undecided ${m.undecidedPercent}%`],
      max: 100,
      datasets: [{ label: 'Share of votes', data: [m.forPercent, m.againstPercent, m.undecidedPercent], backgroundColor: [colors.for, colors.against, colors.undecided] }],
      horizontal: false,
      unit: '%',
    };
  }
  const items = (result.ranking?.items ?? []).slice(0, 8);
  return {
    labels: items.map((i) => clip(i.label ?? state.arguments[i.itemId]?.text ?? 'Hidden argument')),
    datasets: [
      {
        label: { borda: 'Points', instantRunoff: 'Votes in its last round', schulze: 'Items it beats' }[result.ranking?.method ?? 'borda'],
        data: items.map((i) => i.score),
        backgroundColor: items.map((i) => {
          const side = state.arguments[i.itemId]?.side;
          return side ? colors[side] : colors.neutral;
        }),
      },
    ],
    horizontal: true,
    unit: result.ranking?.method === 'borda' ? ' pts' : '',
  };
}

export function ResultChart({ state, result }: { state: RoomState; result: ResultView }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const series = seriesFor(state, result);
  const key = JSON.stringify(series);

  useEffect(() => {
    const chart = new Chart(canvas.current!, {
      type: 'bar',
      data: { labels: series.labels, datasets: series.datasets },
      options: {
        indexAxis: series.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 600 },
        plugins: { legend: { display: series.datasets.length > 1, labels: { font: { size: 22 } } } },
        datasets: { bar: { maxBarThickness: 120 } },
        scales: {
          x: { ticks: { font: { size: series.horizontal ? 18 : 26 }, precision: 0 }, beginAtZero: true, max: series.horizontal ? series.max : undefined },
          y: { ticks: { font: { size: series.horizontal ? 20 : 18 }, precision: 0 }, beginAtZero: true, max: series.horizontal ? undefined : series.max },
        },
      },
    });
    return () => chart.destroy();
  }, [key]);

  return (
    <figure class="chart">
      <div class="chart__canvas">
        <canvas ref={canvas} role="img" aria-label={`Chart: ${series.labels.map((l, i) => `${l} ${series.datasets.at(-1)!.data[i]}${series.unit}`).join(', ')}`} />
      </div>
    </figure>
  );
}

function clip(text: string): string {
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}
