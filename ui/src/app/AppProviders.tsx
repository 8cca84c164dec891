import { MantineProvider } from "@mantine/core";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { createQueryClient } from "./queryClient";
import { SyncProvider } from "./SyncProvider";
import { theme } from "./theme";

// The notifications' container (with its portal, transitions and scroll-lock helpers) is
// loaded and mounted after the first screen is painted: nothing is shown in it at start,
// and mounting it in the first render cost a second render of the whole app (its portal
// mounts in a layout effect). `notifications.show` before then is kept by Mantine's store
// and shown once the container mounts.
const Notifications = lazy(() => import("@mantine/notifications").then((m) => ({ default: m.Notifications })));

function DeferredNotifications() {
  const [mount, setMount] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setMount(true);
    }, 0);
    return () => {
      window.clearTimeout(timer);
    };
  }, []);
  return mount ? (
    <Suspense fallback={null}>
      <Notifications position="top-right" limit={3} />
    </Suspense>
  ) : null;
}

/** Everything a screen may rely on: theme, notifications, the query cache, the window's sync. */
export function AppProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <DeferredNotifications />
      <QueryClientProvider client={queryClient}>
        <SyncProvider>{children}</SyncProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
