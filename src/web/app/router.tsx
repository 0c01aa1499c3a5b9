// The route tree (code-based). Pages are lazy chunks; only the shell, router and Mantine core load first.
// Guards live in beforeLoad: the manager app needs a session, the portal needs an ambassador session.
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { type Stage, stages } from '../../core/pipeline/stages';
import { ErrorView, PageLoader } from '../components/page';
import { portalMeQuery } from '../features/portal/api';
import { meQuery } from '../features/workspaces/api';
import { isApiError } from '../lib/api';
import { sameOriginPath } from '../lib/same-origin-path';
import { NotFoundPage } from './not-found';

interface RouterContext {
  queryClient: QueryClient;
}

/** The signed-in user, or null when there is no session. */
async function loadMe(queryClient: QueryClient) {
  try {
    return await queryClient.ensureQueryData(meQuery);
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const me = await loadMe(context.queryClient);
    if (!me) throw redirect({ to: '/signin' });
    const first = me.workspaces[0];
    if (first) throw redirect({ to: '/w/$workspaceId', params: { workspaceId: first.id } });
    throw redirect({ to: '/welcome' });
  },
});

const signinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signin',
  validateSearch: (search: Record<string, unknown>): { redirect?: string | undefined } => ({
    redirect: sameOriginPath(search.redirect),
  }),
  component: lazyRouteComponent(() => import('../routes/public/signin'), 'SignInPage'),
});

const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signup',
  component: lazyRouteComponent(() => import('../routes/public/signup'), 'SignUpPage'),
});

const welcomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/welcome',
  beforeLoad: async ({ context, location }) => {
    const me = await loadMe(context.queryClient);
    if (!me) throw redirect({ to: '/signin', search: { redirect: location.href } });
  },
  component: lazyRouteComponent(() => import('../routes/public/welcome'), 'WelcomePage'),
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/$token',
  component: lazyRouteComponent(() => import('../routes/public/invitation'), 'InvitationPage'),
});

const applyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/apply/$slug',
  component: lazyRouteComponent(() => import('../routes/public/apply'), 'ApplyPage'),
});

const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/w/$workspaceId',
  beforeLoad: async ({ context, location }) => {
    const me = await loadMe(context.queryClient);
    if (!me) throw redirect({ to: '/signin', search: { redirect: location.href } });
  },
  component: lazyRouteComponent(() => import('../routes/manager/layout'), 'ManagerLayout'),
  notFoundComponent: NotFoundPage,
});

const programsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../routes/manager/programs'), 'ProgramsPage'),
});

const programNewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'programs/new',
  component: lazyRouteComponent(() => import('../routes/manager/program-editor'), 'NewProgramPage'),
});

const programEditRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'programs/$programId/edit',
  component: lazyRouteComponent(() => import('../routes/manager/program-editor'), 'EditProgramPage'),
});

interface PipelineSearch {
  view?: 'board' | 'table' | undefined;
}

const pipelineRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'programs/$programId/pipeline',
  validateSearch: (search: Record<string, unknown>): PipelineSearch => ({
    view: search.view === 'table' ? 'table' : undefined,
  }),
  component: lazyRouteComponent(() => import('../routes/manager/pipeline'), 'PipelinePage'),
});

const committeeRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'programs/$programId/committee',
  component: lazyRouteComponent(() => import('../routes/manager/committee'), 'CommitteePage'),
});

const linksRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'programs/$programId/links',
  component: lazyRouteComponent(() => import('../routes/manager/links'), 'LinksPage'),
});

const trackingRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'programs/$programId/tracking',
  component: lazyRouteComponent(() => import('../routes/manager/tracking'), 'TrackingPage'),
});

const committeeApplicantRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'programs/$programId/committee/$ambassadorId',
  component: lazyRouteComponent(
    () => import('../routes/manager/committee-applicant'),
    'CommitteeApplicantPage',
  ),
});

const codesRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'programs/$programId/codes',
  component: lazyRouteComponent(() => import('../routes/manager/codes'), 'CodesPage'),
});

const conversionsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'programs/$programId/conversions',
  validateSearch: (search: Record<string, unknown>): { connection?: string | undefined } => ({
    connection: typeof search.connection === 'string' ? search.connection : undefined,
  }),
  component: lazyRouteComponent(() => import('../routes/manager/conversions'), 'ConversionsPage'),
});

export interface PeopleSearch {
  q?: string | undefined;
  programId?: string | undefined;
  stage?: Stage | undefined;
  page?: number | undefined;
}

const briefsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'programs/$programId/briefs',
  component: lazyRouteComponent(() => import('../routes/manager/briefs'), 'BriefsPage'),
});

const listeningRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'listening',
  component: lazyRouteComponent(() => import('../routes/manager/listening'), 'ListeningPage'),
});

const peopleRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'people',
  validateSearch: (search: Record<string, unknown>): PeopleSearch => {
    const page = Number(search.page);
    const stage = str(search.stage);
    return {
      q: str(search.q),
      programId: str(search.programId),
      stage: stages.find((s) => s === stage),
      page: Number.isInteger(page) && page > 1 ? page : undefined,
    };
  },
  component: lazyRouteComponent(() => import('../routes/manager/people'), 'PeoplePage'),
});

const creatorRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'creators/$creatorId',
  component: lazyRouteComponent(() => import('../routes/manager/creator'), 'CreatorPage'),
});

const vettingReportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'vetting/$reportId',
  component: lazyRouteComponent(() => import('../routes/manager/vetting-report'), 'VettingReportPage'),
});

const membersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'members',
  component: lazyRouteComponent(() => import('../routes/manager/members'), 'MembersPage'),
});

const outboxRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'outbox',
  component: lazyRouteComponent(() => import('../routes/manager/outbox'), 'OutboxPage'),
});

const prospectsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'prospects',
  component: lazyRouteComponent(() => import('../routes/manager/prospects'), 'ProspectsPage'),
});

const prospectListRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'prospects/$listId',
  component: lazyRouteComponent(() => import('../routes/manager/prospects-list'), 'ProspectListPage'),
});

const outreachRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'outreach',
  component: lazyRouteComponent(() => import('../routes/manager/outreach'), 'OutreachPage'),
});

const storesRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'stores',
  component: lazyRouteComponent(() => import('../routes/manager/stores'), 'StoresPage'),
});

const storeConnectionRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'stores/$connectionId',
  component: lazyRouteComponent(() => import('../routes/manager/stores-detail'), 'StoreConnectionPage'),
});

const trackingSetupRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'tracking-setup',
  component: lazyRouteComponent(() => import('../routes/manager/tracking-setup'), 'TrackingSetupPage'),
});

export interface ContentReviewSearch {
  status?: 'changes_requested' | 'approved' | 'published' | 'all' | undefined;
  programId?: string | undefined;
}

const contentReviewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'content/review',
  validateSearch: (search: Record<string, unknown>): ContentReviewSearch => {
    const status = str(search.status);
    return {
      status: (['changes_requested', 'approved', 'published', 'all'] as const).find((s) => s === status),
      programId: str(search.programId),
    };
  },
  component: lazyRouteComponent(() => import('../routes/manager/content-review'), 'ContentReviewPage'),
});

const contentSubmissionRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'content/$submissionId',
  component: lazyRouteComponent(
    () => import('../routes/manager/content-submission'),
    'ContentSubmissionPage',
  ),
});

const libraryRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'library',
  validateSearch: (search: Record<string, unknown>): { asset?: string | undefined } => ({
    asset: str(search.asset),
  }),
  component: lazyRouteComponent(() => import('../routes/manager/library'), 'LibraryPage'),
});

const publishedRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'content/published',
  component: lazyRouteComponent(() => import('../routes/manager/published'), 'PublishedContentPage'),
});

const cadenceRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'cadence',
  validateSearch: (
    search: Record<string, unknown>,
  ): { programId?: string | undefined; month?: string | undefined } => {
    const month = str(search.month);
    return {
      programId: str(search.programId),
      month: month && /^\d{4}-\d{2}$/.test(month) ? month : undefined,
    };
  },
  component: lazyRouteComponent(() => import('../routes/manager/cadence'), 'CadencePage'),
});

const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portal',
  component: Outlet,
});

const portalSigninRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: 'signin',
  validateSearch: (search: Record<string, unknown>): { error?: string | undefined } => ({
    error: str(search.error),
  }),
  component: lazyRouteComponent(() => import('../routes/portal/signin'), 'PortalSignInPage'),
});

const portalAppRoute = createRoute({
  getParentRoute: () => portalRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(portalMeQuery);
    } catch (error) {
      // A failed magic link comes back as /portal?error=...; the sign-in page explains it.
      const linkError = str((location.search as Record<string, unknown>).error);
      if (isApiError(error, 401)) throw redirect({ to: '/portal/signin', search: { error: linkError } });
      // Other errors (a staff session without a verified email, say) are shown by the layout.
    }
  },
  component: lazyRouteComponent(() => import('../routes/portal/layout'), 'PortalLayout'),
});

const portalHomeRoute = createRoute({
  getParentRoute: () => portalAppRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../routes/portal/home'), 'PortalHomePage'),
});

const portalProfileRoute = createRoute({
  getParentRoute: () => portalAppRoute,
  path: 'profile',
  component: lazyRouteComponent(() => import('../routes/portal/profile'), 'PortalProfilePage'),
});

const portalContentRoute = createRoute({
  getParentRoute: () => portalAppRoute,
  path: 'content',
  component: lazyRouteComponent(() => import('../routes/portal/content'), 'PortalContentPage'),
});

const portalContentSubmissionRoute = createRoute({
  getParentRoute: () => portalAppRoute,
  path: 'content/$submissionId',
  component: lazyRouteComponent(() => import('../routes/portal/content-submission'), 'PortalSubmissionPage'),
});

const portalPostsRoute = createRoute({
  getParentRoute: () => portalAppRoute,
  path: 'posts',
  component: lazyRouteComponent(() => import('../routes/portal/posts'), 'PortalPostsPage'),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  signinRoute,
  signupRoute,
  welcomeRoute,
  invitationRoute,
  applyRoute,
  workspaceRoute.addChildren([
    programsRoute,
    programNewRoute,
    programEditRoute,
    pipelineRoute,
    committeeRoute,
    committeeApplicantRoute,
    codesRoute,
    conversionsRoute,
    linksRoute,
    trackingRoute,
    peopleRoute,
    creatorRoute,
    vettingReportRoute,
    membersRoute,
    outboxRoute,
    prospectsRoute,
    prospectListRoute,
    outreachRoute,
    storesRoute,
    storeConnectionRoute,
    trackingSetupRoute,
    contentReviewRoute,
    contentSubmissionRoute,
    briefsRoute,
    listeningRoute,
    libraryRoute,
    publishedRoute,
    cadenceRoute,
  ]),
  portalRoute.addChildren([
    portalSigninRoute,
    portalAppRoute.addChildren([
      portalHomeRoute,
      portalProfileRoute,
      portalContentRoute,
      portalContentSubmissionRoute,
      portalPostsRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data comes from TanStack Query, which caches; the router need not cache loader results.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultPendingMs: 300,
    defaultErrorComponent: ({ error, reset }) => <ErrorView error={error} onRetry={reset} />,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
