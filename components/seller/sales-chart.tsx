import { formatMinor } from "@/lib/money";
import type { ChartSeries } from "@/lib/sales/seller-sales";

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 8, bottom: 28, left: 8 };
const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Net earnings per month as a bar chart, drawn on the server: plain SVG, no script. */
export function SalesChart({ series }: { series: ChartSeries }) {
  const max = Math.max(1, ...series.points.map((point) => point.netMinor));
  const slot = (WIDTH - PAD.left - PAD.right) / series.points.length;
  const barWidth = slot * 0.6;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  return (
    <figure className="card" data-testid="sales-chart">
      <figcaption className="mb-2 text-sm text-slate-600">Net per month, last 12 months ({series.currency.toUpperCase()})</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Net earnings per month in ${series.currency.toUpperCase()}`} className="h-auto w-full">
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="#cbd5e1" />
        {series.points.map((point, index) => {
          const height = point.netMinor > 0 ? Math.max(2, (point.netMinor / max) * plotHeight) : 0;
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          const month = MONTH_NAMES[Number(point.month.slice(5)) - 1];
          return (
            <g key={point.month}>
              <rect x={x} y={HEIGHT - PAD.bottom - height} width={barWidth} height={height} rx={2} fill="#4f46e5">
                <title>{`${point.month}: ${formatMinor(point.netMinor, series.currency)}`}</title>
              </rect>
              <text x={x + barWidth / 2} y={HEIGHT - 10} textAnchor="middle" fontSize="11" fill="#64748b">
                {month}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
