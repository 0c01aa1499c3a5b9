// Entry point: Mantine, TanStack Query and the router. A 401 anywhere sends the user to the right sign-in page.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppRouter } from './app/router';
import { theme } from './app/theme';
import { ApiError, isApiError } from './lib/api';

/** Pages that handle "not signed in" themselves. */
const publicPaths = [/^\/signin/, /^\/signup/, /^\/invitations\//, /^\/portal\/signin/];

function onUnauthenticated(error: unknown, meta?: Record<string, unknown>) {
  if (!isApiError(error, 401) || meta?.handlesUnauthenticated) return;
  const { pathname, search } = window.location;
  if (publicPaths.some((p) => p.test(pathname))) return;
  queryClient.removeQueries();
  if (pathname.startsWith('/portal')) {
    void router.navigate({ to: '/portal/signin' });
  } else {
    void router.navigate({ to: '/signin', search: { redirect: pathname + search } });
  }
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Client errors (4xx) will not change on retry; network and server errors may.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
  queryCache: new QueryCache({ onError: (error, query) => onUnauthenticated(error, query.meta) }),
  mutationCache: new MutationCache({ onError: (error) => onUnauthenticated(error) }),
});

const router = createAppRouter(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
