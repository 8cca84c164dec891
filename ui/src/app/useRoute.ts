import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { addBlocker, committedHash, goTo, pendingHash, proceed, stay, subscribeRoute } from "./navigation";
import { formatRoute, parseRoute, type Route } from "./routes";

/** The current route (from the URL hash, as the navigation gate let it through) and a function to go elsewhere. */
export function useRoute(): [Route, (to: Route) => void] {
  const hash = useSyncExternalStore(subscribeRoute, committedHash, committedHash);
  const navigate = useCallback((to: Route) => {
    goTo(formatRoute(to));
  }, []);
  return [parseRoute(hash), navigate];
}

export type NavigationBlocker = {
  /** True while a route change waits for the user's answer. */
  asking: boolean;
  /** Go where the user was heading; the blocker lets that change through. */
  proceed: () => void;
  /** Stay on this screen. */
  stay: () => void;
  /** Stop blocking for good (the user chose to drop the changes), e.g. before its own Back. */
  release: () => void;
};

/** Holds every route change while `when` is true, and says when one waits for an answer. */
export function useNavigationBlocker(when: boolean): NavigationBlocker {
  const whenRef = useRef(when);
  const released = useRef(false);
  useEffect(() => {
    whenRef.current = when;
  }, [when]);
  useEffect(() => addBlocker(() => whenRef.current && !released.current), []);
  const waiting = useSyncExternalStore(subscribeRoute, pendingHash, pendingHash);
  const release = useCallback(() => {
    released.current = true;
  }, []);
  return { asking: waiting !== null, proceed, stay, release };
}
