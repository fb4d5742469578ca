import { lazy, Suspense, useEffect, useRef } from 'react';
import { Loading } from './components/states.js';
import { hrefOf, type Route } from './domain/routes.js';
import { useRoute } from './hooks/use-route.js';
import { useSession } from './hooks/use-session.js';
import { logOut } from './api/shop.js';
import { CartPage } from './pages/cart-page.js';
import { CataloguePage } from './pages/catalogue-page.js';
import { CheckoutPage } from './pages/checkout-page.js';
import { LoginPage, RegisterPage } from './pages/auth-pages.js';
import { NotificationsPage } from './pages/notifications-page.js';
import { OrderPage } from './pages/order-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { ProductPage } from './pages/product-page.js';
import { RequireLogin } from './pages/require-login.js';

// The admin area is its own chunk: shoppers never download it.
const AdminArea = lazy(() => import('./admin/admin-area.js'));

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'catalogue':
      return <CataloguePage />;
    case 'product':
      return <ProductPage productId={route.productId} />;
    case 'login':
      return <LoginPage />;
    case 'register':
      return <RegisterPage />;
    case 'cart':
      return <RequireLogin what="your cart">{() => <CartPage />}</RequireLogin>;
    case 'checkout':
      return <RequireLogin what="checkout">{() => <CheckoutPage />}</RequireLogin>;
    case 'orders':
      return <RequireLogin what="your orders">{() => <OrdersPage />}</RequireLogin>;
    case 'order':
      return <RequireLogin what="this order">{() => <OrderPage orderId={route.orderId} />}</RequireLogin>;
    case 'notifications':
      return <RequireLogin what="your notifications">{() => <NotificationsPage />}</RequireLogin>;
    case 'admin':
      return (
        <RequireLogin what="the admin area">
          {(session) =>
            session.role === 'admin' ? (
              <Suspense fallback={<Loading what="the admin area" />}>
                <AdminArea section={route.section} />
              </Suspense>
            ) : (
              <section>
                <h1>Admins only</h1>
                <p role="alert">The admin area is for administrators. You are logged in as a customer.</p>
              </section>
            )
          }
        </RequireLogin>
      );
    case 'not-found':
      return (
        <section>
          <h1>Page not found</h1>
          <p>
            Nothing lives at {route.path}. <a href={hrefOf('/')}>Back to the catalogue</a>
          </p>
        </section>
      );
  }
}

export function App() {
  const route = useRoute();
  const session = useSession();
  const main = useRef<HTMLElement>(null);
  const shownRoute = useRef(route);

  // Moving to another page puts the focus on its content, so keyboard and screen reader users start there;
  // the first page keeps the browser's own start (the skip link comes first).
  useEffect(() => {
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    main.current?.focus();
  }, [route]);

  return (
    <>
      <a className="skip" href="#main" onClick={(event) => (event.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header className="top">
        <a className="brand" href={hrefOf('/')}>
          Shoplane
        </a>
        <nav aria-label="Main">
          <a href={hrefOf('/')}>Catalogue</a>
          {session ? (
            <>
              <a href={hrefOf('/cart')}>Cart</a>
              <a href={hrefOf('/orders')}>Orders</a>
              <a href={hrefOf('/notifications')}>Notifications</a>
              {session.role === 'admin' && <a href={hrefOf('/admin')}>Admin</a>}
              <button type="button" className="link" onClick={logOut}>
                Log out {session.name}
              </button>
            </>
          ) : (
            <>
              <a href={hrefOf('/login')}>Log in</a>
              <a href={hrefOf('/register')}>Register</a>
            </>
          )}
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}
