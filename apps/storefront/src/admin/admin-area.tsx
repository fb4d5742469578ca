import { hrefOf } from '../domain/routes.js';
import { AnalyticsDashboard } from './analytics-dashboard.js';
import { ProductsAdmin } from './products-admin.js';

/** The admin area, loaded on demand (React.lazy) so shopper pages never carry it. */
export default function AdminArea({ section }: { section: 'products' | 'analytics' }) {
  return (
    <section>
      <h1>Admin</h1>
      <nav className="tabs" aria-label="Admin sections">
        <a href={hrefOf('/admin/products')} aria-current={section === 'products' ? 'page' : undefined}>
          Products
        </a>
        <a href={hrefOf('/admin/analytics')} aria-current={section === 'analytics' ? 'page' : undefined}>
          Analytics
        </a>
      </nav>
      {section === 'products' ? <ProductsAdmin /> : <AnalyticsDashboard />}
    </section>
  );
}
