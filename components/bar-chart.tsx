import { valueAxisTicks } from "@/lib/charts/value-axis";
import { DataTable } from "./data-table";

export interface BarSeries {
  name: string;
  /** A Tailwind background class for the bar and its legend swatch. */
  color: string;
}

export interface BarPoint {
  key: string;
  /** Under the bar (short: "Nov", "11-02"). */
  shortLabel: string;
  /** In the tooltip and the table ("November 2026"). */
  label: string;
  /** One value per series, drawn from the front: later series are drawn inside earlier ones. */
  values: number[];
}

interface BarChartProps {
  title: string;
  series: BarSeries[];
  points: BarPoint[];
  formatValue: (value: number) => string;
  /** Show every nth label under the bars on narrow screens (they would overlap). */
  labelEvery?: number;
  testId?: string;
  empty?: string;
}

/**
 * A bar chart in plain HTML and CSS, drawn on the server: text stays at its real size on a phone,
 * each bar tells its values on hover and on keyboard focus (CSS only), and the same numbers are
 * in a table for anyone who cannot see the bars.
 */
export function BarChart({ title, series, points, formatValue, labelEvery = 1, testId, empty }: BarChartProps) {
  const ticks = valueAxisTicks(Math.max(0, ...points.flatMap((point) => point.values)));
  const top = ticks[ticks.length - 1];
  const percent = (value: number) => `${Math.min(100, (Math.max(0, value) / top) * 100)}%`;
  const describe = (point: BarPoint) => `${point.label}: ${series.map((entry, index) => `${entry.name} ${formatValue(point.values[index] ?? 0)}`).join(", ")}`;
  return (
    <figure className="card" data-testid={testId}>
      <figcaption className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
        <span className="font-medium text-slate-800">{title}</span>
        {series.map((entry) => (
          <span key={entry.name} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block h-3 w-3 rounded-sm ${entry.color}`} /> {entry.name}
          </span>
        ))}
      </figcaption>
      <div className="flex gap-2">
        <div aria-hidden="true" className="relative h-48 shrink-0 text-right text-xs text-slate-600">
          {/* Invisible copy of the widest label gives the axis its width. */}
          <span className="invisible block h-0 overflow-hidden">{formatValue(top)}</span>
          {ticks.map((tick) => (
            <span key={tick} className="absolute right-0 translate-y-1/2 whitespace-nowrap" style={{ bottom: percent(tick) }}>
              {formatValue(tick)}
            </span>
          ))}
        </div>
        <div className="min-w-0 flex-1">
          <div className="relative h-48 border-b border-l border-slate-300">
            {ticks.slice(1).map((tick) => (
              <div key={tick} aria-hidden="true" className="absolute inset-x-0 border-t border-dashed border-slate-200" style={{ bottom: percent(tick) }} />
            ))}
            <ul className="absolute inset-0 flex items-end gap-px px-px" aria-label={title}>
              {points.map((point) => (
                <li key={point.key} className="chart-bar group relative flex h-full flex-1 items-end justify-center" tabIndex={0} aria-label={describe(point)} data-chart-bar>
                  {point.values.map((value, index) => (
                    <span
                      key={series[index]?.name ?? index}
                      aria-hidden="true"
                      className={`absolute bottom-0 w-3/4 rounded-t-sm ${series[index]?.color ?? "bg-indigo-600"}`}
                      style={{ height: value > 0 ? `max(2px, ${percent(value)})` : 0 }}
                    />
                  ))}
                  <span aria-hidden="true" className="chart-tip pointer-events-none absolute bottom-full z-10 mb-1 hidden w-max max-w-48 rounded bg-slate-900 px-2 py-1 text-xs text-white shadow group-hover:block group-focus:block">
                    {describe(point)}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div aria-hidden="true" className="flex gap-px px-px pt-1 text-xs text-slate-600">
            {points.map((point, index) => (
              <span key={point.key} className={`flex-1 overflow-hidden text-center whitespace-nowrap ${index % labelEvery === 0 || index === points.length - 1 ? "" : "max-sm:invisible"}`}>
                {point.shortLabel}
              </span>
            ))}
          </div>
        </div>
      </div>
      {empty && points.every((point) => point.values.every((value) => value === 0)) ? <p className="mt-2 text-sm text-slate-600">{empty}</p> : null}
      <details className="mt-3 text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-indigo-700">Show these numbers as a table</summary>
        <DataTable label={title} columns={[{ label: "Period" }, ...series.map((entry) => ({ label: entry.name, align: "right" as const }))]}>
          {points.map((point) => (
            <tr key={point.key} className="border-b border-slate-100 last:border-0">
              <td className="px-4 py-1">{point.label}</td>
              {series.map((entry, index) => (
                <td key={entry.name} className="px-4 py-1 text-right">{formatValue(point.values[index] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}
