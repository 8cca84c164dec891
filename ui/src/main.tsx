import "./app/styles";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppFrame } from "./app/AppFrame";
import { AppProviders } from "./app/AppProviders";
import { createQueryClient } from "./app/queryClient";
import { FIRST_PAGE_WAIT_MS, prefetchFirstScreen, waitAtMost } from "./app/startup";

// Marks for the desktop bench's start-up timeline (BENCH_TIMELINE=1): cheap, and read
// only through WebDriver.
performance.mark("roomdesk:script");
const queryClient = createQueryClient();
const firstScreen = prefetchFirstScreen(queryClient, window.location.hash);

void waitAtMost(firstScreen, FIRST_PAGE_WAIT_MS).then(() => {
  performance.mark("roomdesk:render");
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <AppProviders client={queryClient}>
        <AppFrame />
      </AppProviders>
    </StrictMode>,
  );
});
