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
  // The bench's timeline: React's first commit (its render done, before layout and paint)
  // and the first frame after it.
  const onCommitted = () => {
    performance.mark("roomdesk:committed");
    requestAnimationFrame(() => {
      setTimeout(() => performance.mark("roomdesk:painted"), 0);
    });
  };
  createRoot(root).render(
    <StrictMode>
      <AppProviders client={queryClient}>
        <AppFrame onFirstCommit={onCommitted} />
      </AppProviders>
    </StrictMode>,
  );
});
