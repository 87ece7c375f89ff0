import { BarChart } from "@/components/bar-chart";
import { formatMinor } from "@/lib/money";
import type { ChartSeries } from "@/lib/sales/seller-sales";

/** Net earnings per month, last twelve months. */
export function SalesChart({ series, locale }: { series: ChartSeries; locale?: string }) {
  const month = (key: string, style: "short" | "long") =>
    new Intl.DateTimeFormat(locale, { month: style, ...(style === "long" ? { year: "numeric" } : {}), timeZone: "UTC" }).format(new Date(`${key}-01T00:00:00Z`));
  return (
    <BarChart
      testId="sales-chart"
      title={`Net per month, last 12 months (${series.currency.toUpperCase()})`}
      series={[{ name: "Net", color: "bg-indigo-600" }]}
      points={series.points.map((point) => ({ key: point.month, shortLabel: month(point.month, "short"), label: month(point.month, "long"), values: [point.netMinor] }))}
      formatValue={(minor) => formatMinor(minor, series.currency, locale)}
      labelEvery={2}
    />
  );
}
