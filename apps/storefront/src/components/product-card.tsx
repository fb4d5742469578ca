import type { Product } from '../api/shop.js';
import { formatMoney } from '../domain/money.js';
import { hrefOf } from '../domain/routes.js';

export function Availability({ product }: { product: Pick<Product, 'inStock' | 'availableStock'> }) {
  if (!product.inStock) return <span className="badge out">Out of stock</span>;
  return <span className="badge in">{product.availableStock < 5 ? `Only ${product.availableStock} left` : 'In stock'}</span>;
}

export function ProductCard({ product }: { product: Product }) {
  return (
    <li className="card">
      <h2>
        <a href={hrefOf(`/product/${product.productId}`)}>{product.name}</a>
      </h2>
      <p className="category">{product.category}</p>
      <p className="price">{formatMoney(product.price)}</p>
      <Availability product={product} />
    </li>
  );
}
