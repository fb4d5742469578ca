import { ErrorMessage, Loading } from '../components/states.js';
import { dayLabel } from '../domain/days.js';
import { formatMoney } from '../domain/money.js';
import { useResource } from '../hooks/use-resource.js';
import { dashboardData } from './admin-api.js';
import { BarChart, LineChart } from './charts.js';

const dayCount = 7;

export function AnalyticsDashboard() {
  const data = useResource(() => dashboardData(dayCount), []);
  if (data.state === 'loading') return <Loading what="the analytics summary" />;
  if (data.state === 'error') return <ErrorMessage error={data.error} retry={data.reload} />;

  const { days, range } = data.data;
  // Revenue is drawn in the currency that earned the most over the range; the table lists every currency.
  const currency = [...range.currencies].sort((a, b) => b.revenue.amount - a.revenue.amount)[0]?.currency ?? 'USD';
  const ordersPerDay = days.map(({ day, summary }) => ({ label: dayLabel(day), value: summary.orders.created }));
  const revenuePerDay = days.map(({ day, summary }) => ({
    label: dayLabel(day),
    value: summary.currencies.find((entry) => entry.currency === currency)?.revenue.amount ?? 0,
  }));
  const money = (amount: number) => formatMoney({ amount, currency });

  return (
    <section>
      <h2>Last {dayCount} days</h2>
      <p>
        {range.orders.created} orders placed · {range.orders.confirmed} confirmed · {range.orders.failed} failed · {range.orders.cancelled} cancelled
      </p>
      <div className="charts">
        <BarChart title="Orders per day" series={ordersPerDay} />
        <LineChart title={`Revenue per day (${currency})`} series={revenuePerDay} format={money} />
        <BarChart title="Top products (units sold)" series={range.topProducts.map((product) => ({ label: product.name.slice(0, 14), value: product.units }))} />
      </div>
      <table>
        <caption>Revenue by currency</caption>
        <thead>
          <tr>
            <th scope="col">Currency</th>
            <th scope="col">Confirmed orders</th>
            <th scope="col">Revenue</th>
            <th scope="col">Refunded</th>
          </tr>
        </thead>
        <tbody>
          {range.currencies.map((entry) => (
            <tr key={entry.currency}>
              <td>{entry.currency}</td>
              <td>{entry.orders.confirmed}</td>
              <td>{formatMoney(entry.revenue)}</td>
              <td>{formatMoney(entry.refunded)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
