import { useCallback, useSyncExternalStore } from "react";
import { formatRoute, parseRoute, type Route } from "./routes";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => {
    window.removeEventListener("hashchange", onChange);
  };
}

const readHash = () => window.location.hash;

/** The current route (from the URL hash) and a function to go elsewhere. */
export function useRoute(): [Route, (to: Route) => void] {
  const hash = useSyncExternalStore(subscribe, readHash, readHash);
  const navigate = useCallback((to: Route) => {
    window.location.hash = formatRoute(to);
  }, []);
  return [parseRoute(hash), navigate];
}
