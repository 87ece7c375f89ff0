import { BarChart } from "@/components/bar-chart";
import { formatMinor } from "@/lib/money";
import type { DayTotals } from "@/lib/orders/money-overview";

/** Sales per day with the platform's fee drawn inside each bar. */
export function DailySalesChart({ days, currency, locale }: { days: DayTotals[]; currency: string; locale?: string }) {
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <BarChart
      testId="daily-sales-chart"
      title={`Sales and platform fees per day, last ${days.length} days (${currency.toUpperCase()}, days in UTC)`}
      series={[
        { name: "Sales", color: "bg-indigo-300" },
        { name: "Fees", color: "bg-indigo-700" },
      ]}
      points={days.map((day) => ({
        key: day.day,
        shortLabel: day.day.slice(8),
        label: dayFormat.format(new Date(`${day.day}T00:00:00Z`)),
        values: [day.salesMinor, day.feesMinor],
      }))}
      formatValue={(minor) => formatMinor(minor, currency, locale)}
      labelEvery={5}
      empty="No sales in these days."
    />
  );
}
