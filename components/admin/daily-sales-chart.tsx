import { formatMinor } from "@/lib/money";
import type { DayTotals } from "@/lib/orders/money-overview";

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 28, left: 8 };

/** Sales per day with the platform's fee drawn inside each bar: plain SVG, drawn on the server. */
export function DailySalesChart({ days, currency }: { days: DayTotals[]; currency: string }) {
  const max = Math.max(1, ...days.map((day) => day.salesMinor));
  const slot = (WIDTH - PAD.left - PAD.right) / days.length;
  const barWidth = slot * 0.7;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const heightOf = (minor: number) => (minor > 0 ? Math.max(2, (minor / max) * plotHeight) : 0);
  const code = currency.toUpperCase();
  return (
    <figure className="card" data-testid="daily-sales-chart">
      <figcaption className="mb-2 flex flex-wrap gap-4 text-sm text-slate-600">
        <span>Sales and platform fees per day, last {days.length} days ({code}, UTC)</span>
        <span><span className="inline-block h-3 w-3 rounded-sm bg-indigo-300 align-middle" /> sales</span>
        <span><span className="inline-block h-3 w-3 rounded-sm bg-indigo-700 align-middle" /> fees</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Sales and fees per day in ${code}`} className="h-auto w-full">
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="#cbd5e1" />
        {days.map((day, index) => {
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          const sales = heightOf(day.salesMinor);
          const fees = heightOf(day.feesMinor);
          const base = HEIGHT - PAD.bottom;
          return (
            <g key={day.day}>
              <title>{`${day.day}: sales ${formatMinor(day.salesMinor, currency)}, fees ${formatMinor(day.feesMinor, currency)}`}</title>
              <rect x={x} y={base - sales} width={barWidth} height={sales} rx={1.5} fill="#a5b4fc" />
              <rect x={x} y={base - fees} width={barWidth} height={fees} rx={1.5} fill="#4338ca" />
              {index % 5 === 0 || index === days.length - 1 ? (
                <text x={x + barWidth / 2} y={HEIGHT - 10} textAnchor="middle" fontSize="10" fill="#64748b">
                  {day.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {days.every((day) => day.salesMinor === 0) ? <p className="text-sm text-slate-500">No sales in these days.</p> : null}
    </figure>
  );
}
